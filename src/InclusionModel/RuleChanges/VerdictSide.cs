using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json.Nodes;
using InclusionModel.Histories;
using InclusionModel.IO;
using InclusionModel.Programs;
using InclusionModel.Reports;
using InclusionModel.Runs;
using InclusionModel.Validation;
using NodaTime;

namespace InclusionModel.RuleChanges;

/// <summary>One side of a changed verdict: valid or not, and the rule ids it broke (in the contract's order).</summary>
/// <param name="Valid">Whether the record is valid.</param>
/// <param name="Rules">The ids of the rules it breaks, each once.</param>
public sealed record VerdictSide(bool Valid, ImmutableArray<string> Rules);
