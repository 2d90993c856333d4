using System.Collections.Immutable;

namespace InclusionModel.Programs;

/// <summary>The rules a program definition may name, and their parameters: what definition validation checks rule ids against.</summary>
public interface ITargetGroupRuleCatalogue
{
    /// <summary>Every rule id.</summary>
    IEnumerable<string> Ids { get; }

    /// <summary>The parameters (JSON spelling) a rule accepts, or <c>null</c> when there is no such rule.</summary>
    /// <param name="id">A rule id.</param>
    /// <returns>The parameter names, or <c>null</c>.</returns>
    ImmutableArray<string>? ParametersOf(string id);
}
