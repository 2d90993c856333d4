using FsCheck;
using FsCheck.Fluent;
using InclusionModel.Histories;
using InclusionModel.Programs;
using InclusionModel.Testing;
using NodaTime;

namespace InclusionModel.Tests;

/// <summary>The bounded generators shared by the property tests (used as <c>Arbitrary = [typeof(Arbitraries)]</c>).</summary>
public static class Arbitraries
{
    /// <summary>Valid histories of any catalogue program, shrinking to valid prefixes.</summary>
    public static Arbitrary<GeneratedHistory> GeneratedHistory() => HistoryGenerators.ValidHistoryArbitrary();

    /// <summary>Dates from 1990 to 2040, shrinking toward 2000-01-01.</summary>
    public static Arbitrary<LocalDate> LocalDate()
        => Arb.From(
            Gen.Choose(0, 18262).Select(days => new LocalDate(1990, 1, 1).PlusDays(days)),
            date => date == new LocalDate(2000, 1, 1) ? [] : [new LocalDate(2000, 1, 1)]);

    /// <summary>Texts a definition may hold: plain, Swedish only, English only or both, of short words (with å, ä, ö and quotes).</summary>
    public static Arbitrary<LocalizedText> LocalizedText()
    {
        var words = Gen.Elements("Arbete", "studier", "för", "vuxna", "målgrupp", "Praktik", "work", "and", "studies", "\"quoted\"", "Åtgärd", "ö", "§5", "2027–2028");
        var text = Gen.Choose(1, 6).SelectMany(n => Gen.ArrayOf(words, n)).Select(w => string.Join(" ", w));
        return Arb.From(Gen.OneOf(
            text.Select(t => InclusionModel.LocalizedText.Plain(t)),
            text.Select(t => InclusionModel.LocalizedText.Create(t, null)),
            text.Select(t => InclusionModel.LocalizedText.Create(null, t)),
            text.SelectMany(sv => text.Select(en => InclusionModel.LocalizedText.Create(sv, en)))));
    }
}

/// <summary>Small helpers that keep example tests short.</summary>
internal static class TestData
{
    internal static ProgramDefinition Bucha => ProgramCatalogue.BuiltIn.Get("eskilstuna-romane-bucha");

    internal static ProgramDefinition Droma => ProgramCatalogue.BuiltIn.Get("vasteras-romane-droma");

    internal static ProgramDefinition AllIn => ProgramCatalogue.BuiltIn.Get("hallefors-all-in");

    internal static LocalDate D(string iso) => NodaTime.Text.LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();

    internal static ParticipantHistory History(string program, params HistoryEvent[] events)
        => ParticipantHistory.Create("p-test", program, events);

    /// <summary>A Romane Bucha history up to the start of employment on <paramref name="employmentStart"/>.</summary>
    internal static List<HistoryEvent> BuchaUpToEmployment(string employmentStart, int? studyDays = null)
    {
        var start = D(employmentStart);
        return
        [
            HistoryEvent.Referred(start.PlusDays(-40), ReferralSource.SocialServices),
            HistoryEvent.Assessed(start.PlusDays(-35), eligible: true),
            HistoryEvent.Enrolled(start.PlusDays(-30)),
            HistoryEvent.PhaseStarted(start.PlusDays(-30), "preparation"),
            HistoryEvent.PhaseStarted(start, "employment", studyDays),
        ];
    }
}
