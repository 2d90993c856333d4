using System.Collections.Immutable;
using FluentValidation.Results;

namespace InclusionModel.Programs;

/// <summary>One problem of a program definition: where it is (a JSON path such as <c>$.phases[1].id</c>) and why.</summary>
/// <param name="Path">The JSON path of the offending value, starting at <c>$</c>.</param>
/// <param name="Message">Why the value is not accepted.</param>
public readonly record struct ProgramDefinitionProblem(string Path, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message}";

    internal static ProgramDefinitionProblem From(ValidationFailure failure)
        => new(JsonPaths.FromPropertyPath(failure.PropertyName), failure.ErrorMessage);
}

/// <summary>Thrown when a program definition that breaks a rule is created or loaded by a caller that asked for an exception.</summary>
public sealed class InvalidProgramDefinitionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="programId">The id of the definition, as given.</param>
    /// <param name="problems">Every problem found.</param>
    public InvalidProgramDefinitionException(string programId, ImmutableArray<ProgramDefinitionProblem> problems)
        : base($"Program definition '{programId}' is invalid: {string.Join("; ", problems)}")
    {
        ProgramId = programId;
        Problems = problems;
    }

    /// <summary>The id of the definition, as given.</summary>
    public string ProgramId { get; }

    /// <summary>Every problem found, each with its JSON path.</summary>
    public ImmutableArray<ProgramDefinitionProblem> Problems { get; }
}

/// <summary>Turns FluentValidation property paths (<c>Phases[1].MinimumMonths</c>) into JSON paths (<c>$.phases[1].minimumMonths</c>).</summary>
internal static class JsonPaths
{
    internal static string FromPropertyPath(string propertyPath)
    {
        if (string.IsNullOrEmpty(propertyPath))
        {
            return "$";
        }

        var parts = propertyPath.Split('.');
        return "$." + string.Join('.', parts.Select(p => p.Length == 0 ? p : char.ToLowerInvariant(p[0]) + p[1..]));
    }
}
