namespace InclusionModel.Programs;

/// <summary>
/// Limits on a program definition that no real program comes near (the largest program of the sources has
/// four phases and a definition of under 4 KB), so that no definition, however hostile, makes reading,
/// checking or running it cost more than a bounded, linear amount. A definition past a limit is refused
/// with a located problem; docs/contract.md lists them.
/// </summary>
public static class ProgramDefinitionLimits
{
    /// <summary>The longest id a program, phase, goal, staff role or rule may have: 64 characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>
    /// The highest age anywhere in the model: 130. A person's age on an assessment date may be at most this (a
    /// birth date further back is an error in the facts), and so may a definition's age bound (<c>working-age</c>'s
    /// <c>minimumAge</c> and <c>maximumAge</c>), since a bound above it could never matter.
    /// </summary>
    public const int MaxAge = 130;

    /// <summary>The largest definition file read: 1 MiB.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The most phases a program may have: 50.</summary>
    public const int MaxPhases = 50;

    /// <summary>The most items any other list of a definition may hold (municipalities, partners, goals, sources …): 1,000.</summary>
    public const int MaxListItems = 1000;

    /// <summary>The longest duration in months a phase may state (its minimum or maximum): 1,200 (a hundred years).</summary>
    public const int MaxMonths = 1200;

    /// <summary>
    /// The last date a definition may name: 9000-12-31. Durations are added to dates while a program runs
    /// (up to <see cref="MaxMonths"/> months past a phase start, a report's days to submit past a period's
    /// end), and every such sum must stay inside the calendar (9999-12-31), so a program cannot end later.
    /// </summary>
    public static NodaTime.LocalDate LatestDate { get; } = new(9000, 12, 31);

    /// <summary>The first date a definition may name: 1900-01-01.</summary>
    public static NodaTime.LocalDate EarliestDate { get; } = new(1900, 1, 1);

    /// <summary>Finds every list in <paramref name="root"/> longer than its limit; linear in the size of the tree.</summary>
    internal static void Check(LocatedNode root, List<ProgramDefinitionProblem> problems)
    {
        var stack = new Stack<(LocatedNode Node, string Path)>();
        stack.Push((root, "$"));
        while (stack.Count > 0)
        {
            var (node, path) = stack.Pop();
            if (node.Kind == LocatedKind.Array)
            {
                int limit = path == "$.phases" ? MaxPhases : MaxListItems;
                if (node.Items.Count > limit)
                {
                    problems.Add(new ProgramDefinitionProblem(path, Texts.Format(limit == MaxPhases ? "pd.too-many-phases" : "pd.too-many-items", node.Items.Count, limit), node.Line));
                    continue;
                }

                for (int i = 0; i < node.Items.Count; i++)
                {
                    stack.Push((node.Items[i], $"{path}[{i}]"));
                }
            }
            else if (node.Kind == LocatedKind.Object)
            {
                foreach (var (name, _, value) in node.Members)
                {
                    if (value.Kind is LocatedKind.Array or LocatedKind.Object)
                    {
                        stack.Push((value, $"{path}.{Privacy.PersonalIdentityNumbers.SafeToQuote(name)}"));
                    }
                }
            }
        }
    }
}
