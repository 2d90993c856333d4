namespace InclusionModel.RuleChanges;

/// <summary>What a comparison of eligibility decisions found (<c>inclusion compare --people</c>).</summary>
/// <param name="Program">The program's id.</param>
/// <param name="ProgramName">The program's name.</param>
/// <param name="Read">Lines read, blank lines aside.</param>
/// <param name="OfProgram">Well-formed lines for the program.</param>
/// <param name="Changed">People whose decision changed.</param>
/// <param name="SpecialCategoryData">Whether either definition marks its participation as special-category data.</param>
public sealed record PeopleChangeResult(string Program, string ProgramName, long Read, long OfProgram, long Changed, bool SpecialCategoryData);
