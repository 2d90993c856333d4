using System.Text;
using System.Text.Json;

namespace InclusionModel.Programs;

/// <summary>The kind of a located JSON value.</summary>
internal enum LocatedKind
{
    Object,
    Array,
    String,
    Number,
    True,
    False,
    Null,
}

/// <summary>A JSON value with the line it starts on, so that every problem found later can be located in the file.</summary>
internal sealed class LocatedNode
{
    public LocatedNode(LocatedKind kind, int line)
    {
        Kind = kind;
        Line = line;
    }

    public LocatedKind Kind { get; }

    public int Line { get; }

    /// <summary>A string's value, or a number's text as written.</summary>
    public string? Text { get; init; }

    /// <summary>An object's members in file order (a repeated name is kept once, and reported).</summary>
    public List<(string Name, int Line, LocatedNode Value)> Members { get; } = [];

    /// <summary>An array's items in order.</summary>
    public List<LocatedNode> Items { get; } = [];

    public string KindName => Kind switch
    {
        LocatedKind.Object => Texts.Get("json.object"),
        LocatedKind.Array => Texts.Get("json.array"),
        LocatedKind.String => Texts.Get("json.string"),
        LocatedKind.Number => Texts.Get("json.number"),
        LocatedKind.True or LocatedKind.False => Texts.Get("pd.true-or-false"),
        _ => "null",
    };
}

/// <summary>
/// Reads JSON into <see cref="LocatedNode"/>s with System.Text.Json's strict reader (no comments, no
/// trailing commas), recording every value's line and every repeated member.
/// </summary>
internal static class LocatedJson
{
    internal const int MaxDepth = 64;

    /// <summary>Parses <paramref name="utf8"/>; a syntax error comes back as one problem with its line and byte.</summary>
    public static LocatedNode? Parse(ReadOnlySpan<byte> utf8, List<ProgramDefinitionProblem> problems)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = MaxDepth });
        var lines = new LineCounter(utf8);
        var path = new List<string>();
        try
        {
            if (utf8.Trim(" \t\r\n"u8).IsEmpty || !reader.Read())
            {
                problems.Add(new ProgramDefinitionProblem("$", Texts.Get("pd.empty"), 1));
                return null;
            }

            var root = ReadValue(ref reader, lines, path, problems);
            if (reader.Read())
            {
                problems.Add(new ProgramDefinitionProblem("$", Texts.Get("pd.more-than-one"), lines.LineOf((int)reader.TokenStartIndex)));
            }

            return root;
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            string near = e.BytePositionInLine is { } b ? Texts.Format("pd.near", b + 1) : "";
            problems.Add(new ProgramDefinitionProblem(JsonPath(path), Texts.Format("pd.not-json", Explain(e), TextTable.Line(line), near), line));
            return null;
        }
        catch (InvalidOperationException)
        {
            // GetString on text that is not valid UTF-8.
            int line = lines.LineOf((int)reader.TokenStartIndex);
            problems.Add(new ProgramDefinitionProblem(JsonPath(path), Texts.Get("pd.not-utf8"), line));
            return null;
        }
    }

    private static LocatedNode ReadValue(ref Utf8JsonReader reader, LineCounter lines, List<string> path, List<ProgramDefinitionProblem> problems)
    {
        int line = lines.LineOf((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new LocatedNode(LocatedKind.Object, line);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    string name = reader.GetString()!;
                    int nameLine = lines.LineOf((int)reader.TokenStartIndex);
                    reader.Read();
                    path.Add("." + Privacy.PersonalIdentityNumbers.SafeToQuote(name));
                    var value = ReadValue(ref reader, lines, path, problems);
                    if (obj.Members.Any(m => m.Name == name))
                    {
                        problems.Add(new ProgramDefinitionProblem(JsonPath(path), Texts.Format("pd.repeated", Privacy.PersonalIdentityNumbers.SafeToQuote(name)), nameLine));
                    }
                    else
                    {
                        obj.Members.Add((name, nameLine, value));
                    }

                    path.RemoveAt(path.Count - 1);
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new LocatedNode(LocatedKind.Array, line);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    path.Add($"[{array.Items.Count}]");
                    array.Items.Add(ReadValue(ref reader, lines, path, problems));
                    path.RemoveAt(path.Count - 1);
                }

                return array;
            case JsonTokenType.String:
                return new LocatedNode(LocatedKind.String, line) { Text = reader.GetString() };
            case JsonTokenType.Number:
                return new LocatedNode(LocatedKind.Number, line) { Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            case JsonTokenType.True:
                return new LocatedNode(LocatedKind.True, line);
            case JsonTokenType.False:
                return new LocatedNode(LocatedKind.False, line);
            default:
                return new LocatedNode(LocatedKind.Null, line);
        }
    }

    internal static string JsonPath(List<string> parts) => "$" + string.Concat(parts);

    /// <summary>The parser's complaint in people's words where a common slip explains it (a comment, a trailing comma), else as the parser puts it.</summary>
    private static string Explain(JsonException e)
    {
        string message = e.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].TrimEnd('.', ' ');
        if (message.StartsWith("'/' is", StringComparison.Ordinal) || message.Contains("comment", StringComparison.OrdinalIgnoreCase))
        {
            return Texts.Get("pd.comment");
        }

        if (message.Contains("trailing comma", StringComparison.OrdinalIgnoreCase))
        {
            return Texts.Get("pd.trailing-comma");
        }

        if (Texts.Swedish || message.Length == 0)
        {
            // System.Text.Json speaks English only: its complaint, classified, in the project's own words.
            return Texts.Get(
                message.Contains("invalid start of a value", StringComparison.Ordinal) ? "json.invalid-start"
                : message.Contains("Expected depth to be zero", StringComparison.Ordinal) || message.Contains("end of data", StringComparison.Ordinal) ? "json.unclosed"
                : message.Contains("after a value", StringComparison.Ordinal) || message.Contains("after a single JSON value", StringComparison.Ordinal) ? "json.after-value"
                : message.Contains("property name", StringComparison.Ordinal) ? "json.property-name"
                : "json.other");
        }

        return char.ToLowerInvariant(message[0]) + message[1..];
    }

    /// <summary>Turns byte offsets into 1-based line numbers, moving forward through the text.</summary>
    private sealed class LineCounter
    {
        private readonly byte[] _newlines;
        private int _offset;
        private int _line = 1;

        public LineCounter(ReadOnlySpan<byte> utf8) => _newlines = utf8.ToArray();

        public int LineOf(int offset)
        {
            if (offset < _offset)
            {
                _offset = 0;
                _line = 1;
            }

            _line += _newlines.AsSpan(_offset, Math.Min(offset, _newlines.Length) - _offset).Count((byte)'\n');
            _offset = Math.Min(offset, _newlines.Length);
            return _line;
        }
    }
}
