using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using InclusionModel.Lifecycle;
using InclusionModel.Programs;
using InclusionModel.Testing;

namespace InclusionModel.Tests.Programs;

/// <summary>The laws of definitions: generated valid ones pass and round-trip; one broken field is reported at its own path.</summary>
public class ProgramDefinitionPropertiesTest
{
    public static class Generators
    {
        public static Arbitrary<ProgramDefinition> Definition() => Arb.From(ProgramDefinitionGenerators.Valid());

        public static Arbitrary<BrokenDefinition> Broken() => Arb.From(ProgramDefinitionGenerators.Broken());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void ValidDefinition_RoundTripsThroughJson(ProgramDefinition program)
    {
        string json = ProgramDefinitionJson.Serialize(program);
        var back = ProgramDefinitionJson.Parse(json);

        Assert.True(back.Success, string.Join("\n", back.Problems));
        DefinitionAssert.Same(program, back.Program!);
        Assert.Equal(json, ProgramDefinitionJson.Serialize(back.Program!));
    }

    [Property(Arbitrary = [typeof(Generators), typeof(Arbitraries)], MaxTest = 200)]
    public void TextsInLanguages_WrittenAndReadBack_KeepEveryLanguage(ProgramDefinition program, LocalizedText description, LocalizedText purpose, LocalizedText names, LocalizedText method)
    {
        var changed = ProgramDefinitionBuilder.From(program)
            .WithDescription(description)
            .WithPurpose(purpose)
            .WithMethods([method])
            .WithPhases(program.Phases.Select((phase, i) => i == 0 ? phase with { Names = names } : phase))
            .Build();

        var back = ProgramDefinitionJson.Parse(ProgramDefinitionJson.Serialize(changed)).GetValueOrThrow();

        foreach (string language in LocalizedText.Languages)
        {
            Assert.Equal(description.In(language), back.LocalizedDescription!.In(language));
            Assert.Equal(purpose.In(language), back.LocalizedPurpose!.In(language));
            Assert.Equal(names.In(language), back.Phases[0].Names!.In(language));
            Assert.Equal(method.In(language), back.LocalizedMethods!.Value.Single().In(language));
        }

        Assert.Equal((description, purpose, names, method), (back.LocalizedDescription, back.LocalizedPurpose, back.Phases[0].Names, back.LocalizedMethods!.Value.Single()));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public void ValidDefinition_RebuiltFromItsBuilder_IsTheSame(ProgramDefinition program)
    {
        DefinitionAssert.Same(program, ProgramDefinitionBuilder.From(program).Build());
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public void OneBrokenField_IsReportedAtItsOwnPathAndNowhereElse(BrokenDefinition broken)
    {
        var problems = ProgramDefinitionJson.Parse(broken.Json).Problems;

        Assert.NotEmpty(problems);
        Assert.All(problems, p => Assert.Contains(p.Path, broken.Paths));
        Assert.All(problems, p => Assert.NotNull(p.Line));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public void EnrolmentWindow_IsWhereTheProgramsOwnLifecycleMayEnrol(ProgramDefinition program, int offset)
    {
        // The validator checks the window on day numbers; the program's Stateless machine decides by stage.
        var anchor = program.Schedule.Implementation.Start ?? program.Schedule.Implementation.End ?? new NodaTime.LocalDate(2020, 1, 1);
        var date = anchor.PlusDays(offset % 2000);

        Assert.Equal(program.Schedule.MayEnrol(date), program.EnrolmentWindow.Contains(date));
        Assert.Equal(program.Schedule.MayEnrol(date), program.Lifecycle.InEnrolmentWindow(IsoDates.DayNumber(date)));
    }
}
