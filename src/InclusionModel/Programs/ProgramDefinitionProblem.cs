using FluentValidation.Results;

namespace InclusionModel.Programs;

/// <summary>
/// One problem of a program definition: where it is (a JSON path such as <c>$.phases[1].id</c>, and the
/// line of the file when it was read from one) and why.
/// </summary>
/// <param name="Path">The JSON path of the offending value, starting at <c>$</c>.</param>
/// <param name="Message">Why the value is not accepted.</param>
/// <param name="Line">The 1-based line of the definition file, or <c>null</c> when the definition was not read from text.</param>
public readonly record struct ProgramDefinitionProblem(string Path, string Message, int? Line = null)
{
    /// <inheritdoc />
    /// <remarks>In the current UI language (issue 24: no English "line" under Swedish).</remarks>
    public override string ToString() => Line is { } line ? Texts.Format("problem.at-line", Path, TextTable.Line(line), Message) : $"{Path}: {Message}";

    internal static ProgramDefinitionProblem From(ValidationFailure failure)
        => new(JsonPaths.FromPropertyPath(failure.PropertyName), failure.ErrorMessage);
}
