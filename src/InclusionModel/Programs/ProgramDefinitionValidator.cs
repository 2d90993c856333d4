using System.Collections.Immutable;
using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using InclusionModel.Histories;
using InclusionModel.Lifecycle;
using InclusionModel.Privacy;

namespace InclusionModel.Programs;

/// <summary>
/// The rules every program definition obeys before it reaches the engine. Every failure is reported,
/// each with the JSON path of the value at fault (<c>$.phases[1].minimumMonths</c>).
/// </summary>
/// <remarks>The rules are listed in <c>docs/program-definitions.md</c>; each has an example test.</remarks>
public sealed partial class ProgramDefinitionValidator : AbstractValidator<ProgramDefinition>
{
    /// <summary>The longest id a program, phase, goal or staff role may have.</summary>
    public const int MaxIdLength = 64;

    /// <summary>The highest age a <c>working-age</c> rule may name.</summary>
    public const int MaxAge = 120;

    private readonly ITargetGroupRuleCatalogue _rules;

    /// <summary>The shared instance, for the standard rules; validators are stateless and thread-safe.</summary>
    public static ProgramDefinitionValidator Instance { get; } = new();

    /// <summary>Creates the validator.</summary>
    /// <param name="rules">The target-group rules definitions may name; default the standard rules of docs/interchange-contract.md §5.</param>
    public ProgramDefinitionValidator(ITargetGroupRuleCatalogue? rules = null)
    {
        _rules = rules ?? Eligibility.EligibilityRuleSet.Standard;
        RuleFor(p => p.Id)
            .Must(IsKebabCase).WithMessage(p => $"'{Quote(p.Id)}' is not a kebab-case id of 1–{MaxIdLength} characters (a-z, 0-9, single hyphens)")
            .Must(id => !PersonalIdentityNumbers.HoldsOne(id)).WithMessage("the program id holds a personal identity or coordination number (pii-in-identifier); ids are printed in every output (the id is not repeated here)");
        RuleFor(p => p.Name).NotEmpty().WithMessage("a program needs a name");
        RuleFor(p => p.Places)
            .GreaterThan(0).When(p => p.Places.HasValue).WithMessage(p => $"places must be above zero, was {p.Places}");
        RuleFor(p => p.Budget).Custom((budget, ctx) => CheckBudget(budget, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckTexts(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckPeriod(p, ctx));
        RuleFor(p => p.Phases)
            .NotEmpty().WithMessage("a program needs at least one phase");
        RuleFor(p => p.Phases)
            .Must(phases => phases.IsDefaultOrEmpty || !phases[^1].IsOptional)
            .WithMessage("the last phase cannot be optional: a participant who completes the program ends in it");
        RuleForEach(p => p.Phases).SetValidator(new PhaseValidator());
        RuleFor(p => p.Phases).Custom((phases, ctx) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < (phases.IsDefault ? 0 : phases.Length); i++)
            {
                if (!seen.Add(phases[i].Id ?? ""))
                {
                    Fail(ctx, $"$.phases[{i}]", $"phase id '{Quote(phases[i].Id)}' is used more than once");
                }
            }
        });
        RuleFor(p => p).Custom((p, ctx) => CheckStaff(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckTargetGroup(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckGoals(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckReports(p, ctx));
        RuleFor(p => p).Custom((p, ctx) => CheckSources(p, ctx));
    }

    /// <summary>Whether <paramref name="id"/> is a kebab-case id of 1–64 characters.</summary>
    /// <param name="id">The id to check.</param>
    /// <returns><c>true</c> when the id is acceptable.</returns>
    public static bool IsKebabCase(string? id)
        => id is { Length: > 0 and <= MaxIdLength } && KebabCase().IsMatch(id);

    private static string Quote(string? value) => PersonalIdentityNumbers.SafeToQuote(value ?? "");

    private static void Fail<T>(ValidationContext<T> ctx, string path, string message) => ctx.AddFailure(new ValidationFailure(path, message));

    private static void CheckBudget(Budget? budget, ValidationContext<ProgramDefinition> ctx)
    {
        if (budget is not { } b)
        {
            return;
        }

        if (b.Amount <= 0)
        {
            Fail(ctx, "$.budget.amount", $"a budget must be above zero, was {b.Amount}");
        }

        if (b.Currency is null || !CurrencyCode().IsMatch(b.Currency))
        {
            Fail(ctx, "$.budget.currency", $"'{Quote(b.Currency)}' is not a three-letter ISO 4217 currency code such as SEK");
        }
    }

    /// <summary>Free texts: present ones are not blank, lists hold no blank or repeated entry, and no text carries personal data.</summary>
    private static void CheckTexts(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        CheckList(ctx, "$.partners", p.Partners);
        CheckList(ctx, "$.municipalities", p.Municipalities);
        CheckList(ctx, "$.funders", p.Funders);
        CheckList(ctx, "$.methods", p.Methods);
        foreach (var (path, text) in Texts(p))
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                if (path != "$.name" && path != "$.id")
                {
                    Fail(ctx, path, "a text that is stated cannot be blank; leave it out (null) when the source does not state it");
                }
            }
            else if (PersonalIdentityNumbers.ContainsOne(text))
            {
                Fail(ctx, path, "contains what looks like a personal identity number; definitions never carry personal data");
            }
            else if (EmailAddress().IsMatch(text))
            {
                Fail(ctx, path, "contains an e-mail address; definitions name roles and organisations, never people or their contact details");
            }
        }
    }

    private static void CheckList(ValidationContext<ProgramDefinition> ctx, string path, ImmutableArray<string>? list)
    {
        if (list is not { } items)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < items.Length; i++)
        {
            if (!string.IsNullOrWhiteSpace(items[i]) && !seen.Add(items[i].Trim()))
            {
                Fail(ctx, $"{path}[{i}]", $"'{Quote(items[i])}' is listed more than once");
            }
        }
    }

    /// <summary>Every free text of a definition with its JSON path.</summary>
    internal static IEnumerable<(string Path, string? Text)> Texts(ProgramDefinition p)
    {
        yield return ("$.id", p.Id);
        yield return ("$.name", p.Name);
        if (p.Description is not null) yield return ("$.description", p.Description);
        if (p.Owner is not null) yield return ("$.owner", p.Owner);
        if (p.Purpose is not null) yield return ("$.purpose", p.Purpose);
        foreach (var (name, list) in new[] { ("partners", p.Partners), ("municipalities", p.Municipalities), ("funders", p.Funders), ("methods", p.Methods), ("strategicGoals", p.StrategicGoals) })
        {
            if (list is { } items)
            {
                for (int i = 0; i < items.Length; i++) yield return ($"$.{name}[{i}]", items[i]);
            }
        }

        if (p.Staff is { } staff)
        {
            for (int i = 0; i < staff.Length; i++)
            {
                if (staff[i].Description is not null) yield return ($"$.staff[{i}].description", staff[i].Description);
            }
        }

        if (p.TargetGroup is { } group)
        {
            if (group.Description is not null) yield return ("$.targetGroup.description", group.Description);
            foreach (var (list, rules) in new[] { ("required", group.Required), ("exceptions", group.Exceptions) })
            {
                for (int i = 0; i < rules.Length; i++)
                {
                    if (rules[i].Municipalities is { } names)
                    {
                        for (int j = 0; j < names.Length; j++) yield return ($"$.targetGroup.{list}[{i}].municipalities[{j}]", names[j]);
                    }
                }
            }
        }

        if (p.Goals is { } goals)
        {
            for (int i = 0; i < goals.Length; i++)
            {
                if (goals[i].Description is not null) yield return ($"$.goals[{i}].description", goals[i].Description);
            }
        }

        if (p.Reports is { } reports)
        {
            for (int i = 0; i < reports.Length; i++)
            {
                if (reports[i].EvaluatedBy is not null) yield return ($"$.reports[{i}].evaluatedBy", reports[i].EvaluatedBy);
                if (reports[i].Recipient is not null) yield return ($"$.reports[{i}].recipient", reports[i].Recipient);
            }
        }

        for (int i = 0; i < p.Sources.Length; i++)
        {
            yield return ($"$.sources[{i}].file", p.Sources[i].File);
            if (p.Sources[i].Title is not null) yield return ($"$.sources[{i}].title", p.Sources[i].Title);
        }

        for (int i = 0; i < p.TakenAs.Length; i++)
        {
            if (p.TakenAs[i].Says is not null) yield return ($"$.takenAs[{i}].says", p.TakenAs[i].Says);
            yield return ($"$.takenAs[{i}].reading", p.TakenAs[i].Reading);
        }

        for (int i = 0; i < p.StatedBy.Length; i++)
        {
            yield return ($"$.statedBy[{i}].says", p.StatedBy[i].Says);
        }

        for (int i = 0; i < p.Findings.Length; i++)
        {
            yield return ($"$.findings[{i}].text", p.Findings[i].Text);
            yield return ($"$.findings[{i}].says", p.Findings[i].Says);
        }
    }

    private static void CheckPeriod(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        var stages = new (string Name, DateRange? Range)[] { ("planning", p.Period.Planning), ("implementation", p.Period.Implementation), ("closing", p.Period.Closing) };
        var bounded = stages.Select(s => ($"$.period.{s.Name}", s.Range?.Start, s.Range?.End)).ToList();
        bounded.Add(("$.enrolmentWindow", p.StatedEnrolmentWindow?.Start, p.StatedEnrolmentWindow?.End));
        foreach (var (path, start, finish) in bounded)
        {
            foreach (var (end, date) in new[] { ("start", start), ("end", finish) })
            {
                if (date is { } d && (d < ProgramDefinitionLimits.EarliestDate || d > ProgramDefinitionLimits.LatestDate))
                {
                    Fail(ctx, $"{path}.{end}", $"{IsoDates.Format(d)} is outside the dates a program can run on ({IsoDates.Format(ProgramDefinitionLimits.EarliestDate)} to {IsoDates.Format(ProgramDefinitionLimits.LatestDate)}): durations and report deadlines are counted past it, and must stay inside the calendar");
                }
            }
        }

        foreach (var (name, range) in stages)
        {
            if (range is { IsEmpty: true } r)
            {
                Fail(ctx, $"$.period.{name}", $"the {name} stage starts after it ends ({r})");
            }
        }

        for (int i = 0; i < stages.Length; i++)
        {
            for (int j = i + 1; j < stages.Length; j++)
            {
                if (stages[i].Range is { } earlier && stages[j].Range is { } later
                    && (earlier.End ?? earlier.Start) is { } last && (later.Start ?? later.End) is { } first && last >= first)
                {
                    Fail(ctx, $"$.period.{stages[j].Name}", $"the {stages[j].Name} stage begins on or before {IsoDates.Format(last)}, inside or before the {stages[i].Name} stage; the stages follow one another");
                }
            }
        }

        if (p.StatedEnrolmentWindow is { } window)
        {
            if (window.Start is { } ws && window.End is { } we && ws > we)
            {
                Fail(ctx, "$.enrolmentWindow", $"the enrolment window starts after it ends ({window})");
            }

            var implementation = ProgramSchedule.ImplementationOf(p.Period);
            if (window.Start is { } start && implementation.Start is { } implementationStart && start < implementationStart)
            {
                Fail(ctx, "$.enrolmentWindow.start", $"the enrolment window starts on {IsoDates.Format(start)}, before the implementation stage ({implementation}); a program enrols only while it is implemented");
            }

            if (window.End is { } end && implementation.End is { } implementationEnd && end > implementationEnd)
            {
                Fail(ctx, "$.enrolmentWindow.end", $"the enrolment window ends on {IsoDates.Format(end)}, after the implementation stage ({implementation}); a program enrols only while it is implemented");
            }
        }
    }

    private static void CheckStaff(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        if (p.Staff is not { } staff)
        {
            return;
        }

        for (int i = 0; i < staff.Length; i++)
        {
            var role = staff[i];
            string path = $"$.staff[{i}]";
            if (!IsKebabCase(role.Role))
            {
                Fail(ctx, $"{path}.role", $"'{Quote(role.Role)}' is not a kebab-case role id (coach, bridge-builder …)");
            }
            else if (staff.Take(i).Any(r => r.Role == role.Role))
            {
                Fail(ctx, $"{path}.role", $"role '{role.Role}' is listed more than once");
            }

            if (role.Count is { } count && count < 1)
            {
                Fail(ctx, $"{path}.count", $"a staff count must be at least 1, was {count}");
            }

            if (role.PerMunicipality && role.Count is null)
            {
                Fail(ctx, $"{path}.perMunicipality", "perMunicipality qualifies a count, and this role states none");
            }

            if (role.PerMunicipality && p.Municipalities is null)
            {
                Fail(ctx, $"{path}.perMunicipality", "a count per municipality needs the program's municipalities");
            }
        }
    }

    private void CheckTargetGroup(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        if (p.TargetGroup is not { } group)
        {
            return;
        }

        if (group.Required.IsDefaultOrEmpty)
        {
            Fail(ctx, "$.targetGroup.required", "a target group needs at least one required rule");
        }

        foreach (var (list, rules) in new[] { ("required", group.Required), ("exceptions", group.Exceptions) })
        {
            for (int i = 0; i < rules.Length; i++)
            {
                CheckRule(p, ctx, $"$.targetGroup.{list}[{i}]", rules[i], rules.Take(i));
                if (list == "exceptions" && group.Required.Contains(rules[i]))
                {
                    Fail(ctx, $"$.targetGroup.{list}[{i}]", $"'{rules[i].Rule}' is both required and an exception; as an exception it would decide alone");
                }
            }
        }
    }

    private void CheckRule(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx, string path, TargetGroupRule rule, IEnumerable<TargetGroupRule> before)
    {
        if (rule.Rule is null || _rules.ParametersOf(rule.Rule) is not { } accepted)
        {
            Fail(ctx, $"{path}.rule", $"'{Quote(rule.Rule)}' is not a target-group rule; the rules are {string.Join(", ", _rules.Ids)}");
            return;
        }

        if (before.Any(r => r.Rule == rule.Rule))
        {
            Fail(ctx, $"{path}.rule", $"rule '{rule.Rule}' is named more than once in the same list");
        }

        foreach (string parameter in rule.SetParameters.Where(s => !accepted.Contains(s)))
        {
            string takes = accepted.IsEmpty ? "takes no parameters" : $"takes only {string.Join(", ", accepted)}";
            Fail(ctx, $"{path}.{parameter}", $"'{parameter}' is not a parameter of rule '{rule.Rule}', which {takes}");
        }

        switch (rule.Rule)
        {
            case TargetGroupRules.ResidesInMunicipality:
                if (rule.Municipalities is { } names)
                {
                    if (names.IsEmpty)
                    {
                        Fail(ctx, $"{path}.municipalities", "names no municipality; leave it out to use the program's municipalities");
                    }

                    for (int j = 0; j < names.Length; j++)
                    {
                        if (string.IsNullOrWhiteSpace(names[j]))
                        {
                            Fail(ctx, $"{path}.municipalities[{j}]", "a municipality name cannot be blank");
                        }
                        else if (names.Take(j).Contains(names[j], StringComparer.OrdinalIgnoreCase))
                        {
                            Fail(ctx, $"{path}.municipalities[{j}]", $"'{Quote(names[j])}' is listed more than once");
                        }
                    }
                }
                else if (p.Municipalities is not { Length: > 0 })
                {
                    Fail(ctx, $"{path}.municipalities", "the rule reads the program's municipalities, and the program states none; name them here or in $.municipalities");
                }

                break;
            case TargetGroupRules.WorkingAge:
                int min = rule.MinimumAge ?? TargetGroupRules.DefaultMinimumAge, max = rule.MaximumAge ?? TargetGroupRules.DefaultMaximumAge;
                if (rule.MinimumAge is { } a && (a < 0 || a > MaxAge))
                {
                    Fail(ctx, $"{path}.minimumAge", $"an age must be 0–{MaxAge}, was {a}");
                }
                else if (rule.MaximumAge is { } b && (b < 0 || b > MaxAge))
                {
                    Fail(ctx, $"{path}.maximumAge", $"an age must be 0–{MaxAge}, was {b}");
                }
                else if (min > max)
                {
                    Fail(ctx, $"{path}.{(rule.MinimumAge.HasValue ? "minimumAge" : "maximumAge")}", $"the age range is empty: minimum {min} is above maximum {max} (an unset end takes the default {TargetGroupRules.DefaultMinimumAge}–{TargetGroupRules.DefaultMaximumAge})");
                }

                break;
            case TargetGroupRules.ReceivesSocialAssistance:
                if (rule.Months is { } m && (m < 1 || m > 24))
                {
                    Fail(ctx, $"{path}.months", $"months must be 1–24, was {m}");
                }

                break;
            case TargetGroupRules.LongTermSocialAssistance:
                int of = rule.OfMonths ?? TargetGroupRules.DefaultLongTermOfMonths;
                if (rule.OfMonths is { } o && (o < 1 || o > 120))
                {
                    Fail(ctx, $"{path}.ofMonths", $"ofMonths must be 1–120, was {o}");
                }
                else if ((rule.Months ?? TargetGroupRules.DefaultLongTermMonths) is var months && (months < 1 || months > of))
                {
                    Fail(ctx, $"{path}.{(rule.Months.HasValue ? "months" : "ofMonths")}", $"months must be 1–ofMonths: {months} of {of} (an unset value takes the default {TargetGroupRules.DefaultLongTermMonths} of {TargetGroupRules.DefaultLongTermOfMonths})");
                }

                break;
            case TargetGroupRules.NewlyArrived:
                if (rule.WithinMonths is { } w && (w < 1 || w > 600))
                {
                    Fail(ctx, $"{path}.withinMonths", $"withinMonths must be 1–600, was {w}");
                }

                break;
        }
    }

    private static void CheckGoals(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        if (p.Goals is not { } goals)
        {
            return;
        }

        var last = ProgramSchedule.LastDayOf(p.Period);
        var first = ProgramSchedule.ImplementationOf(p.Period).Start;
        for (int i = 0; i < goals.Length; i++)
        {
            var goal = goals[i];
            string path = $"$.goals[{i}]";
            if (!IsKebabCase(goal.Id))
            {
                Fail(ctx, $"{path}.id", $"'{Quote(goal.Id)}' is not a kebab-case goal id");
            }
            else if (goals.Take(i).Any(g => g.Id == goal.Id))
            {
                Fail(ctx, $"{path}.id", $"goal id '{goal.Id}' is used more than once");
            }

            if (goal.Quantity is { } undefined && !Enum.IsDefined(undefined))
            {
                Fail(ctx, $"{path}.quantity", $"not a quantity; the quantities are {string.Join(", ", ContractNames<GoalQuantity>.All)}");
                continue;
            }

            if (goal.Quantity is { } quantity && goals.Take(i).FirstOrDefault(g => g.Quantity == quantity) is { } earlier)
            {
                Fail(ctx, $"{path}.quantity", $"{ContractNames<GoalQuantity>.Name(quantity)} is already tracked by goal '{earlier.Id}'");
            }

            if (goal.Quantity.HasValue != goal.Target.HasValue)
            {
                Fail(ctx, goal.Quantity.HasValue ? $"{path}.target" : $"{path}.quantity",
                    goal.Quantity.HasValue ? "a goal with a quantity needs a target" : "a target needs the quantity it counts (enrolments, women-share, exits-into-work, exits-into-studies)");
            }

            if (!goal.Quantity.HasValue && goal.Description is null)
            {
                Fail(ctx, $"{path}.description", "a goal without a quantity is a goal in words, and needs a description");
            }

            if (goal.IsMeasurable && (first is null || ProgramSchedule.ImplementationOf(p.Period).End is null))
            {
                Fail(ctx, $"{path}.quantity", "a measurable goal needs the implementation stage's start and end (stated, or implied by planning and closing), so that it can be tracked");
            }

            if (goal.Quantity is { } q && goal.Target is { } target)
            {
                CheckTarget(ctx, $"{path}.target", q, target);
                if (q != GoalQuantity.WomenShare && p.Places is { } places and > 0 && target > places)
                {
                    Fail(ctx, $"{path}.target", $"a target of {target} is above the program's {places} places");
                }
            }

            if (!Enum.IsDefined(goal.Bound))
            {
                Fail(ctx, $"{path}.bound", "not a bound; the bounds are at-least (the default) and at-most");
            }
            else if (goal.Bound == GoalBound.AtMost && !goal.IsMeasurable)
            {
                Fail(ctx, $"{path}.bound", "a ceiling (at-most) needs the quantity and target it bounds");
            }
            else if (goal.Bound == GoalBound.AtMost && !goal.Milestones.IsEmpty)
            {
                Fail(ctx, $"{path}.milestones", "milestones are targets to reach by a date; a ceiling (at-most) has none");
            }

            if (!goal.IsMeasurable && !goal.Milestones.IsEmpty)
            {
                Fail(ctx, $"{path}.milestones", "milestones need a goal with a quantity and a target");
                continue;
            }

            for (int j = 0; j < goal.Milestones.Length; j++)
            {
                var milestone = goal.Milestones[j];
                string at = $"{path}.milestones[{j}]";
                if (j > 0 && milestone.On <= goal.Milestones[j - 1].On)
                {
                    Fail(ctx, $"{at}.on", "milestones are in date order, one per date");
                }

                if (j > 0 && milestone.Target < goal.Milestones[j - 1].Target)
                {
                    Fail(ctx, $"{at}.target", "a milestone's target cannot fall below the one before it");
                }

                if (goal.Quantity is { } mq)
                {
                    CheckTarget(ctx, $"{at}.target", mq, milestone.Target);
                }

                if (goal.Target is { } whole && milestone.Target > whole)
                {
                    Fail(ctx, $"{at}.target", $"a milestone's target ({milestone.Target}) is above the goal's ({whole})");
                }

                if ((first is { } f && milestone.On < f) || (last is { } l && milestone.On > l))
                {
                    Fail(ctx, $"{at}.on", $"{IsoDates.Format(milestone.On)} is outside the program's period");
                }
            }
        }
    }

    private static void CheckTarget(ValidationContext<ProgramDefinition> ctx, string path, GoalQuantity quantity, decimal target)
    {
        if (quantity == GoalQuantity.WomenShare)
        {
            if (target <= 0 || target > 1)
            {
                Fail(ctx, path, $"a share is a fraction above 0 and at most 1, was {target}");
            }
        }
        else if (target < 1 || decimal.Truncate(target) != target)
        {
            Fail(ctx, path, $"a count target is a whole number of at least 1, was {target}");
        }
    }

    private static void CheckReports(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        if (p.Reports is { } reports)
        {
            for (int i = 0; i < reports.Length; i++)
            {
                var duty = reports[i];
                if (!Enum.IsDefined(duty.Kind))
                {
                    Fail(ctx, $"$.reports[{i}].kind", $"a reporting duty needs its kind: {string.Join(", ", ContractNames<ReportKind>.All)}");
                    continue;
                }

                if (reports.Take(i).Any(r => r.Kind == duty.Kind))
                {
                    Fail(ctx, $"$.reports[{i}].kind", $"{ContractNames<ReportKind>.Name(duty.Kind)} is listed more than once");
                }

                if (duty.EvaluatedBy is not null && duty.Kind != ReportKind.FinalReport)
                {
                    Fail(ctx, $"$.reports[{i}].evaluatedBy", "only a final report names who evaluates the program");
                }

                if (duty.DaysToSubmit is { } days && (days < 0 || days > 366))
                {
                    Fail(ctx, $"$.reports[{i}].daysToSubmit", $"daysToSubmit must be 0–366, was {days}");
                }
            }
        }

        if (p.StrategicGoals is { } strategic)
        {
            for (int i = 0; i < strategic.Length; i++)
            {
                if (!Programs.StrategicGoals.TryGet(strategic[i], out _))
                {
                    Fail(ctx, $"$.strategicGoals[{i}]", $"'{Quote(strategic[i])}' is not a known strategic goal; the known ones are {string.Join(", ", Programs.StrategicGoals.All.Select(g => g.Id))}");
                }
                else if (strategic.Take(i).Contains(strategic[i]))
                {
                    Fail(ctx, $"$.strategicGoals[{i}]", $"'{strategic[i]}' is listed more than once");
                }
            }
        }
    }

    private static void CheckSources(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx)
    {
        for (int i = 0; i < p.Sources.Length; i++)
        {
            string file = p.Sources[i].File;
            if (!string.IsNullOrWhiteSpace(file) && (file.Contains('/') || file.Contains('\\')))
            {
                Fail(ctx, $"$.sources[{i}].file", "a source is named by its file name, without a directory");
            }
            else if (p.Sources.Take(i).Any(s => s.File == file))
            {
                Fail(ctx, $"$.sources[{i}].file", $"source '{Quote(file)}' is listed more than once");
            }
        }

        var stated = p.TakenAs.Length == 0 && p.StatedBy.Length == 0 ? null : ProgramDefinitionJson.ToNode(p);
        for (int i = 0; i < p.StatedBy.Length; i++)
        {
            var quote = p.StatedBy[i];
            string path = $"$.statedBy[{i}]";
            CheckAbout(p, ctx, stated!, path, quote.Path, quote.Source, "a quote", "states a value");
        }

        for (int i = 0; i < p.Findings.Length; i++)
        {
            var finding = p.Findings[i];
            if (!p.Sources.Any(s => s.File == finding.Source))
            {
                Fail(ctx, $"$.findings[{i}].source", $"'{Quote(finding.Source)}' is not one of the definition's sources");
            }

        }

        for (int i = 0; i < p.TakenAs.Length; i++)
        {
            var reading = p.TakenAs[i];
            string path = $"$.takenAs[{i}]";
            CheckAbout(p, ctx, stated!, path, reading.Path, reading.Source, "a reading", "fixes a value");

            if (p.TakenAs.Take(i).Any(t => t.Path == reading.Path))
            {
                Fail(ctx, $"{path}.path", $"'{Quote(reading.Path)}' already has a reading");
            }
        }
    }

    /// <summary>That a quote or reading at <paramref name="at"/> names a listed source and a stated value of the program itself.</summary>
    private static void CheckAbout(ProgramDefinition p, ValidationContext<ProgramDefinition> ctx, System.Text.Json.Nodes.JsonNode stated, string at, string? path, string source, string noun, string does)
    {
        if (!p.Sources.Any(s => s.File == source))
        {
            Fail(ctx, $"{at}.source", $"'{Quote(source)}' is not one of the definition's sources");
        }

        if (path is null || !JsonPaths.TryResolve(stated, path, out var value))
        {
            Fail(ctx, $"{at}.path", $"'{Quote(path)}' does not name a field of this definition");
        }
        else if (value is null)
        {
            Fail(ctx, $"{at}.path", $"'{path}' is unknown (null) here; {noun} {does}, so the value must be stated");
        }
        else if (new[] { "$.takenAs", "$.sources", "$.statedBy", "$.findings" }.Any(own => path.StartsWith(own, StringComparison.Ordinal)))
        {
            Fail(ctx, $"{at}.path", $"{noun} is about the program, not about the definition's sources, quotes, readings or findings");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex KebabCase();

    [GeneratedRegex("^[A-Z]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyCode();

    [GeneratedRegex(@"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex EmailAddress();

    private sealed class PhaseValidator : AbstractValidator<PhaseDefinition>
    {
        public PhaseValidator()
        {
            RuleFor(p => p.Id)
                .Must(IsKebabCase).WithMessage(p => $"'{Quote(p.Id)}' is not a kebab-case phase id of 1–{MaxIdLength} characters")
                .Must(id => !LifecycleState.IsReservedName(id)).WithMessage(p => $"'{p.Id}' is a fixed lifecycle state name and cannot be a phase id")
                .Must(id => !PersonalIdentityNumbers.HoldsOne(id)).WithMessage("the phase id holds a personal identity or coordination number (pii-in-identifier); ids are printed in every output (the id is not repeated here)");
            RuleFor(p => p.MinimumMonths)
                .GreaterThanOrEqualTo(0).When(p => p.MinimumMonths.HasValue).WithMessage(p => $"minimumMonths cannot be negative, was {p.MinimumMonths}");
            RuleFor(p => p.MaximumMonths)
                .GreaterThan(0).When(p => p.MaximumMonths.HasValue).WithMessage(p => $"maximumMonths must be above zero, was {p.MaximumMonths}");
            RuleFor(p => p.MaximumMonths)
                .Must((phase, max) => phase.MinimumMonths is not { } min || max is not { } m || min <= m)
                .WithMessage(p => $"minimumMonths ({p.MinimumMonths}) is above maximumMonths ({p.MaximumMonths})");
            RuleFor(p => p.MinimumMonths)
                .LessThanOrEqualTo(ProgramDefinitionLimits.MaxMonths).When(p => p.MinimumMonths.HasValue)
                .WithMessage(p => $"minimumMonths must be at most {ProgramDefinitionLimits.MaxMonths} (a hundred years), was {p.MinimumMonths}");
            RuleFor(p => p.MaximumMonths)
                .LessThanOrEqualTo(ProgramDefinitionLimits.MaxMonths).When(p => p.MaximumMonths.HasValue)
                .WithMessage(p => $"maximumMonths must be at most {ProgramDefinitionLimits.MaxMonths} (a hundred years), was {p.MaximumMonths}");
            RuleFor(p => p.MaxStudyDaysPerWeek)
                .InclusiveBetween(0, 5).When(p => p.MaxStudyDaysPerWeek.HasValue).WithMessage(p => $"maxStudyDaysPerWeek must be 0–5, was {p.MaxStudyDaysPerWeek}");
        }
    }
}
