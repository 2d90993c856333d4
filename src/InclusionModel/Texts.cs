using System.Collections.Frozen;
using System.Globalization;

namespace InclusionModel;

/// <summary>
/// Every sentence the library writes for people, in English and in Swedish (docs/interchange-contract.md §9),
/// chosen by <see cref="CultureInfo.CurrentUICulture"/>: a culture whose name is <c>sv</c> or starts with
/// <c>sv-</c> gives Swedish, any other English. What programs read (rule ids, JSON keys, enum values, figure
/// names, exit codes) is never in this table.
/// </summary>
/// <remarks>
/// Compiled tables rather than <c>.resx</c> satellite assemblies, as FluentValidation keeps its own: the
/// command runs with invariant globalization and no satellite lookup, a trimmed or single-file host keeps
/// them without configuration, and a test reads the whole table to check that every key has both languages
/// with the same placeholders (docs/contract.md). Words follow the glossary of docs/domain.md.
/// </remarks>
internal static class Texts
{
    private static readonly FrozenDictionary<string, (string En, string Sv)> Table = new Dictionary<string, (string En, string Sv)>
    {
        // Violations (docs/interchange-contract.md §3)
        ["violation.at-event"] = ("{0} at event {1} ({2}): {3}", "{0} vid händelse {1} ({2}): {3}"),
        ["violation.unknown-program"] = ("'{0}' is not a known program", "'{0}' är inget känt program"),
        ["violation.unknown-event"] = ("'{0}' is not an event type of the contract", "'{0}' är ingen händelsetyp i kontraktet"),
        ["violation.unknown-phase"] = ("'{0}' is not a phase of {1} (phases: {2})", "'{0}' är ingen fas i {1} (faser: {2})"),
        ["violation.date-order"] = ("dated {0}, before the previous event ({1})", "daterad {0}, före föregående händelse ({1})"),
        ["violation.future-date"] = ("dated {0}, after the as-of date {1}", "daterad {0}, efter avstämningsdagen {1}"),
        ["violation.first-event"] = ("'{0}' cannot be the first event of an episode; an episode begins with 'referred'", "'{0}' kan inte vara den första händelsen i en inskrivningsperiod; en period börjar med 'referred' (anvisad)"),
        ["violation.transition"] = ("'{0}' is not allowed from state '{1}'", "'{0}' är inte tillåten från tillståndet '{1}'"),
        ["violation.phase-order"] = ("'{0}' is not the next phase after '{1}'; expected {2}", "'{0}' är inte nästa fas efter '{1}'; väntad: {2}"),
        ["violation.phase-order.none"] = ("no further phase", "ingen fler fas"),
        ["violation.phase-order.or"] = (" or ", " eller "),
        ["violation.outside-window"] = ("enrolled on {0}, outside the enrolment window of {1} ({2})", "inskriven {0}, utanför intagsperioden för {1} ({2})"),
        ["violation.capacity"] = ("{0} has {1} places in total and they are all taken", "{0} har {1} platser totalt och alla är tagna"),
        ["violation.min-duration"] = ("{0} lasted {1}; at least {2}", "{0} varade {1}; minst {2}"),
        ["violation.max-duration"] = ("{0} lasted {1}; at most {2}", "{0} varade {1}; högst {2}"),
        ["violation.max-duration.open"] = ("{0} has lasted {1} by {3}; at most {2}", "{0} har varat {1} den {3}; högst {2}"),
        ["violation.study-days"] = ("{0} study days a week in {1}; at most {2}", "{0} studiedagar i veckan i {1}; högst {2}"),
        ["violation.outcome-required"] = ("an exit with reason '{0}' needs an outcome", "ett avslut med orsaken '{0}' behöver ett utfall"),
        ["violation.completed-too-early"] = ("exited as completed from '{0}'; completion is only from the last phase ('{1}')", "avslutad som fullföljd från '{0}'; fullföljd är bara från sista fasen ('{1}')"),
        ["violation.pii"] = ("the participant id is or holds a personal identity or coordination number; use a pseudonymous id (the id is not repeated here)", "deltagar-id:t är eller innehåller ett person- eller samordningsnummer; använd ett pseudonymt id (id:t upprepas inte här)"),
        ["violation.duplicate"] = ("an earlier line of this run has the same participant and program; a participant who comes back belongs in one record, as a new episode", "en tidigare rad i körningen har samma deltagare och program; en deltagare som kommer tillbaka hör till samma post, som en ny inskrivningsperiod"),
        ["duration.month"] = ("1 month", "1 månad"),
        ["duration.months"] = ("{0} months", "{0} månader"),
        ["duration.day"] = ("1 day", "1 dag"),
        ["duration.days"] = ("{0} days", "{0} dagar"),
        ["duration.and"] = ("{0} and {1}", "{0} och {1}"),
        ["duration.net"] = ("{0} net of {1} paused days", "{0} utöver {1} dagars uppehåll"),
        ["duration.negative"] = ("less than no time (it ends before it starts)", "mindre än ingen tid (den slutar innan den börjar)"),

        // The text report of a validation run (§4)
        ["text.invalid"] = ("line {0}: {1} in {2} is invalid (state {3}): {4}", "rad {0}: {1} i {2} är ogiltig (tillstånd {3}): {4}"),
        ["text.withheld"] = ("(id withheld)", "(id undanhållet)"),
        ["text.no-state"] = ("none", "inget"),
        ["text.malformed"] = ("line {0}: malformed: {1}", "rad {0}: felformad: {1}"),
        ["text.summary"] = ("{0}: {1} valid, {2} invalid, {3} malformed (as of {4})", "{0}: {1} giltiga, {2} ogiltiga, {3} felformade (per {4})"),
        ["text.record"] = ("1 record", "1 post"),
        ["text.records"] = ("{0} records", "{0} poster"),
        ["special-category"] = (
            "NOTE: this output holds special-category personal data (GDPR art. 9): taking part in {0} reveals a self-declared national minority; store and share it accordingly.",
            "OBS: utdata innehåller känsliga personuppgifter (GDPR art. 9): deltagande i {0} röjer en självidentifierad nationell minoritet; lagra och dela dem därefter."),
        ["input-changed"] = (
            "the input changed while it was read (from line {0} on, the second pass read other bytes than the first); validate a copy that is not being written",
            "indata ändrades medan de lästes (från rad {0}, andra genomläsningen läste andra byte än den första); validera en kopia som inte skrivs till"),
        ["line"] = ("line {0}: {1}", "rad {0}: {1}"),
        ["window"] = ("{0} to {1}", "{0} till {1}"),
        ["window.no-start"] = ("(no start)", "(ingen start)"),
        ["window.no-end"] = ("(no end)", "(inget slut)"),

        // Malformed lines (§1)
        ["reader.not-json"] = ("not valid JSON (at byte {0})", "inte giltig JSON (vid byte {0})"),
        ["reader.not-utf8"] = ("not valid UTF-8 text (near byte {0})", "inte giltig UTF-8-text (nära byte {0})"),
        ["reader.empty"] = ("empty line", "tom rad"),
        ["reader.not-object"] = ("not a JSON object (found {0})", "inget JSON-objekt (hittade {0})"),
        ["reader.not-record-field"] = ("'{0}' is not a field of a participant record (fields: participant, program, gender, birthDate, educationLevel, events)", "'{0}' är inget fält i en deltagarpost (fält: participant, program, gender, birthDate, educationLevel, events)"),
        ["reader.repeated-field"] = ("field '{0}' appears more than once", "fältet '{0}' förekommer mer än en gång"),
        ["reader.participant-length"] = ("'participant' must have 1–{0} characters, has {1}", "'participant' måste ha 1–{0} tecken, har {1}"),
        ["reader.trailing-text"] = ("more text after the JSON object (one record per line)", "mer text efter JSON-objektet (en post per rad)"),
        ["reader.missing-field"] = ("missing required field '{0}'", "obligatoriskt fält '{0}' saknas"),
        ["reader.events-not-array"] = ("'events' must be an array, found {0}", "'events' måste vara en array, hittade {0}"),
        ["reader.event-at"] = ("events[{0}]: {1}", "events[{0}]: {1}"),
        ["reader.event-not-object"] = ("an event must be a JSON object, found {0}", "en händelse måste vara ett JSON-objekt, hittade {0}"),
        ["reader.not-event-field"] = ("'{0}' is not a field of an event", "'{0}' är inget fält i en händelse"),
        ["reader.study-days-whole"] = ("'studyDaysPerWeek' must be a whole number 0–5, was '{0}'", "'studyDaysPerWeek' måste vara ett heltal 0–5, var '{0}'"),
        ["reader.study-days-number"] = ("'studyDaysPerWeek' must be a number 0–5, found {0}", "'studyDaysPerWeek' måste vara ett tal 0–5, hittade {0}"),
        ["reader.reason-not-string"] = ("'reason' must be a string, found {0}", "'reason' måste vara en sträng, hittade {0}"),
        ["reader.field-not-allowed"] = ("field '{0}' is not allowed on a '{1}' event", "fältet '{0}' är inte tillåtet i en '{1}'-händelse"),
        ["reader.reason-not-listed"] = ("'reason' is not one of {0}: '{1}'", "'reason' är inte någon av {0}: '{1}'"),
        ["reader.long-value"] = ("(a long or escaped value)", "(ett långt eller kodat värde)"),
        ["reader.needs-eligible"] = ("an 'assessed' event needs 'eligible' (true or false)", "en 'assessed'-händelse behöver 'eligible' (true eller false)"),
        ["reader.needs-phase"] = ("a 'phase-started' event needs 'phase'", "en 'phase-started'-händelse behöver 'phase'"),
        ["reader.needs-kind"] = ("an 'activity' event needs 'kind'", "en 'activity'-händelse behöver 'kind'"),
        ["reader.result-only-interview"] = ("'result' is only for activities of kind 'job-interview'", "'result' är bara för aktiviteter av typen 'job-interview'"),
        ["reader.needs-reason"] = ("an 'exited' event needs 'reason'", "en 'exited'-händelse behöver 'reason'"),
        ["reader.form-only-work"] = ("'employmentForm' goes only with outcome 'work'", "'employmentForm' hör bara till utfallet 'work'"),
        ["reader.subsidy-only-subsidised"] = ("'subsidy' goes only with employmentForm 'subsidised'", "'subsidy' hör bara till employmentForm 'subsidised'"),
        ["reader.needs-outcome"] = ("a 'followed-up' event needs 'outcome'", "en 'followed-up'-händelse behöver 'outcome'"),
        ["reader.not-bool"] = ("'{0}' must be true or false, found {1}", "'{0}' måste vara true eller false, hittade {1}"),
        ["reader.required-null"] = ("'{0}' is required and cannot be null", "'{0}' är obligatoriskt och kan inte vara null"),
        ["reader.not-string"] = ("'{0}' must be a string, found {1}", "'{0}' måste vara en sträng, hittade {1}"),
        ["reader.field-not-utf8"] = ("'{0}' is not valid UTF-8", "'{0}' är inte giltig UTF-8"),
        ["reader.date-not-string"] = ("'{0}' must be a date string (YYYY-MM-DD), found {1}", "'{0}' måste vara ett datum som sträng (ÅÅÅÅ-MM-DD), hittade {1}"),
        ["reader.not-date"] = ("'{0}' is not a date (YYYY-MM-DD): '{1}'", "'{0}' är inget datum (ÅÅÅÅ-MM-DD): '{1}'"),
        ["reader.not-listed"] = ("'{0}' is not one of {1}: '{2}'", "'{0}' är inte någon av {1}: '{2}'"),
        ["reader.value-not-utf8"] = ("(not valid UTF-8)", "(inte giltig UTF-8)"),
        ["reader.too-long"] = ("the line is longer than {0} bytes", "raden är längre än {0} byte"),
        ["json.object"] = ("an object", "ett objekt"),
        ["json.array"] = ("an array", "en array"),
        ["json.string"] = ("a string", "en sträng"),
        ["json.number"] = ("a number", "ett tal"),
        ["json.boolean"] = ("a boolean", "ett sanningsvärde"),

        // Eligibility (§5): the text report and each rule's reason
        ["elig.line"] = ("line {0}: {1} in {2} on {3}: {4}", "rad {0}: {1} i {2} den {3}: {4}"),
        ["elig.by-exception"] = (" (by the exception {0})", " (genom undantaget {0})"),
        ["elig.exception"] = (" (exception)", " (undantag)"),
        ["elig.settled-by"] = ("; would be settled by {0}", "; avgörs av {0}"),
        ["elig.summary"] = ("{0}: {1} eligible, {2} not eligible, {3} undetermined, {4} malformed", "{0}: {1} tillhör målgruppen, {2} tillhör inte målgruppen, {3} oavgjorda, {4} felformade"),
        ["elig.decision.eligible"] = ("eligible", "tillhör målgruppen"),
        ["elig.decision.not-eligible"] = ("not-eligible", "tillhör inte målgruppen"),
        ["elig.decision.undetermined"] = ("undetermined", "oavgjort"),
        ["elig.result.met"] = ("met", "uppfylld"),
        ["elig.result.not-met"] = ("not-met", "inte uppfylld"),
        ["elig.result.unknown"] = ("unknown", "okänd"),
        ["rule.municipality.met"] = ("{0} is one of the program's municipalities", "{0} är en av programmets kommuner"),
        ["rule.municipality.not-met"] = ("{0} is not one of the program's municipalities ({1})", "{0} är inte en av programmets kommuner ({1})"),
        ["rule.age.below"] = ("aged {0} on {1}, below {2}", "{0} år den {1}, under {2}"),
        ["rule.age.above"] = ("aged {0} on {1}, above {2}", "{0} år den {1}, över {2}"),
        ["rule.age.within"] = ("aged {0} on {1}, within {2}", "{0} år den {1}, inom {2}"),
        ["rule.assistance.met"] = ("social assistance in {0}", "försörjningsstöd under {0}"),
        ["rule.assistance.not-met"] = ("no social assistance in {0}", "inget försörjningsstöd under {0}"),
        ["rule.long-term"] = ("social assistance in {0} of the {1} months {2}; at least {3} needed", "försörjningsstöd under {0} av de {1} månaderna {2}; minst {3} behövs"),
        ["rule.permit.after"] = ("the first residence permit ({0}) is after the assessment date", "det första uppehållstillståndet ({0}) är efter bedömningsdagen"),
        ["rule.permit.too-early"] = ("the first residence permit ({0}) is more than {1} months before {2} (earliest {3})", "det första uppehållstillståndet ({0}) är mer än {1} månader före {2} (tidigast {3})"),
        ["rule.permit.within"] = ("the first residence permit ({0}) is within the {1} months before {2}", "det första uppehållstillståndet ({0}) är inom {1} månader före {2}"),
        ["rule.establishment.plan"] = ("an establishment plan", "en etableringsplan"),
        ["rule.establishment.program"] = ("the establishment program", "etableringsprogrammet"),
        ["rule.establishment.never"] = ("never in {0}", "aldrig i {0}"),
        ["rule.establishment.left"] = ("left {0} early", "lämnade {0} i förtid"),
        ["rule.establishment.in"] = ("taking part in {0}", "deltar i {0}"),
        ["rule.establishment.completed"] = ("completed {0}", "har fullföljt {0}"),
        ["rule.declaration.met"] = ("the person's own declaration applies", "personens egen uppgift gäller"),
        ["rule.declaration.not-met"] = ("the person's own declaration does not apply on the assessment date", "personens egen uppgift gäller inte på bedömningsdagen"),

        // Reports (§6): the text report and the chart
        ["report.heading"] = ("{0} ({1}), {2}", "{0} ({1}), {2}"),
        ["report.publication"] = (" (for publication: counts of 1–{0} people shown as {1}, with the cells that would give them away)", " (för publicering: antal på 1–{0} personer visas som {1}, med de celler som skulle röja dem)"),
        ["report.goal"] = ("goal", "mål"),
        ["report.target"] = ("target", "målvärde"),
        ["report.actual"] = ("actual", "utfall"),
        ["report.status"] = ("status", "läge"),
        ["report.projection"] = ("projection (90 % range)", "prognos (90 % intervall)"),
        ["report.projection-by"] = ("{0} ({1}–{2}) by {3}", "{0} ({1}–{2}) till {3}"),
        ["report.status.met"] = ("met", "uppnått"),
        ["report.status.on-track"] = ("on-track", "i fas"),
        ["report.status.at-risk"] = ("at-risk", "i riskzonen"),
        ["report.status.missed"] = ("missed", "missat"),
        ["chart.title"] = ("{0}: goals as of {1}", "{0}: målen per {1}"),
        ["chart.projection"] = ("projection {0} (90 % range {1}–{2}) by {3}", "prognos {0} (90 % intervall {1}–{2}) till {3}"),
        ["chart.actual"] = ("actual {0}", "utfall {0}"),
        ["chart.caption"] = ("actual {0}, target {1}", "utfall {0}, målvärde {1}"),
        ["chart.projected"] = (", projected {0} ({1}–{2}) by {3}", ", prognos {0} ({1}–{2}) till {3}"),
        ["chart.legend"] = ("bar: reached; shaded: projection at the rate so far (90 % range), dashed: expected; black line: target", "stapel: uppnått; skuggat: prognos i takten hittills (90 % intervall), streckat: väntat; svart linje: målvärde"),

        // inclusion programs
        ["programs.name"] = ("name", "namn"),
        ["programs.places"] = ("places", "platser"),
        ["programs.window"] = ("enrolment window", "intagsperiod"),
        ["programs.phases"] = ("phases", "faser"),
        ["programs.unknown"] = ("not stated", "inte angivet"),
        ["programs.owner"] = ("owner", "ägare"),
        ["programs.partners"] = ("partners", "samverkansparter"),
        ["programs.municipalities"] = ("municipalities", "kommuner"),
        ["programs.funders"] = ("funders", "finansiärer"),
        ["programs.budget"] = ("budget", "budget"),
        ["programs.purpose"] = ("purpose", "syfte"),
        ["programs.methods"] = ("methods", "metoder"),
        ["programs.staff"] = ("staff", "personal"),
        ["programs.planning"] = ("planning", "planering"),
        ["programs.implementation"] = ("implementation", "genomförande"),
        ["programs.closing"] = ("closing", "avslutning"),
        ["programs.target-group"] = ("target group", "målgrupp"),
        ["programs.goals"] = ("goals", "mål"),
        ["programs.reports"] = ("reports", "rapporter"),
        ["programs.strategic"] = ("strategic goals", "strategiska mål"),
        ["programs.sources"] = ("sources", "källor"),
        ["programs.last-enrolment"] = ("last enrolment", "sista inskrivning"),
        ["programs.finding"] = ("finding", "iakttagelse"),
        ["programs.per-municipality"] = (" per municipality", " per kommun"),
        ["programs.no-limit"] = ("no limit stated", "ingen gräns angiven"),
        ["programs.required"] = ("required:  ", "krav:      "),
        ["programs.exception"] = ("exception: ", "undantag:  "),
        ["programs.at-most"] = ("at most", "högst"),
        ["programs.target"] = ("target", "målvärde"),
        ["programs.in-words"] = ("in words", "i ord"),
        ["programs.evaluated-by"] = (" (evaluated by {0})", " (utvärderas av {0})"),
        ["programs.to"] = (" (to {0})", " (till {0})"),
        ["programs.no-sources"] = ("none named", "inga angivna"),
        ["programs.taken-as"] = ("taken as: ", "tolkat som: "),
        ["programs.stated"] = ("stated: {0} facts quoted from the sources (--format json lists them under statedBy)", "angivet: {0} uppgifter citerade ur källorna (--format json listar dem under statedBy)"),
        ["programs.last-enrolment-text"] = ("someone who enrols on the window's last day takes part until {0} at the earliest", "den som skrivs in på periodens sista dag deltar till tidigast {0}"),
        ["programs.valid"] = ("{0}: a valid definition of '{1}' ({2} phases)", "{0}: en giltig definition av '{1}' ({2} faser)"),
        ["programs.valid-one"] = ("{0}: a valid definition of '{1}' ({2} phase)", "{0}: en giltig definition av '{1}' ({2} fas)"),
        ["programs.replaces"] = ("; with --definition it replaces the built-in program of that id", "; med --definition ersätter den det inbyggda programmet med det id:t"),
        ["programs.invalid"] = ("{0}: {1} problems; the definition is invalid", "{0}: {1} problem; definitionen är ogiltig"),
        ["programs.invalid-one"] = ("{0}: {1} problem; the definition is invalid", "{0}: {1} problem; definitionen är ogiltig"),

        // inclusion compare
        ["compare.head"] = ("{0} ({1}): baseline {2}, candidate '{3}'", "{0} ({1}): baslinje {2}, kandidat '{3}'"),
        ["compare.built-in"] = ("the built-in definition", "den inbyggda definitionen"),
        ["compare.no-diff"] = ("definition: no field changed", "definition: inget fält ändrades"),
        ["compare.diff"] = ("definition: {0}", "definition: {0}"),
        ["compare.summary"] = ("as of {0}: {1} read, {2} of the program; {3} ({4} now valid, {5} now invalid)", "per {0}: {1} lästa, {2} i programmet; {3} ({4} nu giltiga, {5} nu ogiltiga)"),
        ["compare.people"] = ("{0} read, {1} for the program; {2} decisions", "{0} lästa, {1} för programmet; {2} beslut"),
        ["compare.people-one"] = ("{0} read, {1} for the program; {2} decision", "{0} lästa, {1} för programmet; {2} beslut"),
        ["compare.one-line"] = ("1 line", "1 rad"),
        ["compare.lines"] = ("{0} lines", "{0} rader"),
        ["compare.nothing"] = ("nothing changed", "inget ändrades"),
        ["compare.changed"] = ("{0} changed", "{0} ändrade"),
        ["compare.line"] = ("line {0}{1}: ", "rad {0}{1}: "),
        ["compare.valid"] = ("valid", "giltig"),
        ["compare.invalid"] = ("invalid", "ogiltig"),
        ["compare.no-figures"] = ("no figure of the final report moved", "ingen siffra i slutrapporten flyttades"),
        ["compare.figures"] = ("figures of the final report that moved (baseline → candidate):", "siffror i slutrapporten som flyttades (baslinje → kandidat):"),

        // The command line (docs/interchange-contract.md §4, §9)
        ["cli.validate"] = ("Validate participant histories against their programs' lifecycle rules.", "Validera deltagarhistoriker mot programmens livscykelregler."),
        ["cli.validate.file"] = ("The NDJSON file of participant histories: any readable path (a file, /dev/stdin, a named pipe), or - for standard input.", "NDJSON-filen med deltagarhistoriker: vilken läsbar sökväg som helst (en fil, /dev/stdin, en namngiven pipe) eller - för standard in."),
        ["cli.validate.format"] = ("text (for people) or json (docs/interchange-contract.md §4).", "text (för människor) eller json (docs/interchange-contract.md §4)."),
        ["cli.as-of"] = ("The as-of date, YYYY-MM-DD; default today in this machine's time zone.", "Avstämningsdagen, ÅÅÅÅ-MM-DD; standard är i dag i maskinens tidszon."),
        ["cli.definition"] = ("A program definition file (JSON) that adds a program, or replaces the built-in program of the same id (repeatable).", "En programdefinitionsfil (JSON) som lägger till ett program eller ersätter det inbyggda programmet med samma id (kan upprepas)."),
        ["cli.no-records"] = ("{0} holds no records", "{0} innehåller inga poster"),
        ["cli.stdin"] = ("standard input", "standard in"),
        ["cli.bad-as-of"] = ("--as-of must be a date YYYY-MM-DD, was '{0}'", "--as-of måste vara ett datum ÅÅÅÅ-MM-DD, var '{0}'"),
        ["cli.unknown-option"] = ("unknown option '{0}'; the options are listed by --help", "okänt alternativ '{0}'; alternativen listas av --help"),
        ["cli.directory"] = ("'{0}' is a directory, not a file", "'{0}' är en katalog, inte en fil"),
        ["cli.no-such-file"] = ("cannot read '{0}': no such file", "kan inte läsa '{0}': filen finns inte"),
        ["cli.cannot-read"] = ("cannot read '{0}': {1}", "kan inte läsa '{0}': {1}"),
        ["cli.json-array"] = ("{0} is a JSON array, not NDJSON (one JSON object per line); write one object per line, for example with jq -c '.[]'", "{0} är en JSON-array, inte NDJSON (ett JSON-objekt per rad); skriv ett objekt per rad, till exempel med jq -c '.[]'"),
        ["cli.see-help"] = ("see 'inclusion --help'", "se 'inclusion --help'"),
        ["cli.progress"] = ("pass {0} of 2, {1} MB and {2} lines read", "genomläsning {0} av 2, {1} MB och {2} rader lästa"),
        ["cli.cancelled"] = ("cancelled", "avbruten"),
        // --help of every command and option
        ["help.1"] = ("The NDJSON file of participant histories (or, with --people, eligibility lines): any readable path, or - for standard input.", "NDJSON-filen med deltagarhistoriker (eller, med --people, målgruppsrader): vilken läsbar sökväg som helst, eller - för standard in."),
        ["help.2"] = ("The changed program definition file (JSON).", "Den ändrade programdefinitionsfilen (JSON)."),
        ["help.3"] = ("The definition to compare against; default the built-in program of the candidate's id.", "Definitionen att jämföra med; standard är det inbyggda programmet med kandidatens id."),
        ["help.4"] = ("The file holds eligibility lines (docs/interchange-contract.md §5): compare decisions instead of verdicts.", "Filen innehåller målgruppsrader (docs/interchange-contract.md §5): jämför beslut i stället för bedömningar."),
        ["help.5"] = ("The as-of date for histories, YYYY-MM-DD; default today in this machine's time zone.", "Avstämningsdagen för historiker, ÅÅÅÅ-MM-DD; standard är i dag i maskinens tidszon."),
        ["help.6"] = ("text (for people) or json (docs/interchange-contract.md §7).", "text (för människor) eller json (docs/interchange-contract.md §7)."),
        ["help.7"] = ("Compare a changed program definition with the current one over histories: whose verdict changes, and what moves in the final report.\nExit codes: 0 nothing changed, 1 some verdict changed, 2 the command could not run.", "Jämför en ändrad programdefinition med den nuvarande över historiker: vems bedömning ändras, och vad som flyttas i slutrapporten.\nSlutkoder: 0 inget ändrades, 1 någon bedömning ändrades, 2 kommandot kunde inte köras."),
        ["help.8"] = ("The NDJSON file of people and their facts: any readable path, or - for standard input.", "NDJSON-filen med personer och deras uppgifter: vilken läsbar sökväg som helst, eller - för standard in."),
        ["help.9"] = ("text (for people) or json (docs/interchange-contract.md §5).", "text (för människor) eller json (docs/interchange-contract.md §5)."),
        ["help.10"] = ("Decide, with the trace of every rule, whether each person is eligible for a program (eligible, not-eligible or undetermined).", "Avgör, med spåret av varje regel, om varje person tillhör ett programs målgrupp (eligible, not-eligible eller undetermined)."),
        ["help.11"] = ("text (for people) or json.", "text (för människor) eller json."),
        ["help.12"] = ("The program id, for example hallefors-all-in.", "Programmets id, till exempel hallefors-all-in."),
        ["help.13"] = ("The program definition file (JSON) to check: any readable path, or - for standard input.", "Programdefinitionsfilen (JSON) att kontrollera: vilken läsbar sökväg som helst, eller - för standard in."),
        ["help.14"] = ("List the built-in programs (and those of --definition files); see also 'programs show' and 'programs check'.", "Lista de inbyggda programmen (och de från --definition-filer); se även 'programs show' och 'programs check'."),
        ["help.15"] = ("Print one program: as text, or as JSON that is itself a valid definition file.", "Skriv ut ett program: som text, eller som JSON som i sig är en giltig definitionsfil."),
        ["help.16"] = ("Check a program definition file; every problem is listed with its JSON path and line. Exit code 1 when it is invalid.", "Kontrollera en programdefinitionsfil; varje problem listas med sin JSON-sökväg och rad. Slutkod 1 när den är ogiltig."),
        ["help.17"] = ("The NDJSON file of participant histories: any readable path, or - for standard input.", "NDJSON-filen med deltagarhistoriker: vilken läsbar sökväg som helst, eller - för standard in."),
        ["help.18"] = ("The id of the program to report on.", "Id för programmet som rapporten gäller."),
        ["help.19"] = ("Report on a calendar month, YYYY-MM (the monthly summary).", "Rapportera en kalendermånad, ÅÅÅÅ-MM (månadssammanfattningen)."),
        ["help.20"] = ("The first day of the period, YYYY-MM-DD (with --to).", "Periodens första dag, ÅÅÅÅ-MM-DD (med --to)."),
        ["help.21"] = ("The last day of the period, YYYY-MM-DD (with --from).", "Periodens sista dag, ÅÅÅÅ-MM-DD (med --from)."),
        ["help.22"] = ("Report on a calendar half-year, YYYY-H1 or YYYY-H2 (the half-year report).", "Rapportera ett kalenderhalvår, ÅÅÅÅ-H1 eller ÅÅÅÅ-H2 (halvårsrapporten)."),
        ["help.23"] = ("Report on the program's whole period (the final report).", "Rapportera programmets hela period (slutrapporten)."),
        ["help.24"] = ("text (aligned tables), json (docs/interchange-contract.md §6) or csv (RFC 4180).", "text (justerade tabeller), json (docs/interchange-contract.md §6) eller csv (RFC 4180)."),
        ["help.25"] = ("For publication: every count of 1 to k−1 people masked (totals too), with the cells that would give it away; no records block.", "För publicering: varje antal på 1 till k−1 personer maskeras (även summor), med de celler som skulle röja det; inget records-block."),
        ["help.26"] = ("With --publication: the threshold k (default 5, at least 3).", "Med --publication: tröskeln k (standard 5, minst 3)."),
        ["help.27"] = ("Also write an SVG chart of the goals' progress against target and projection to this file.", "Skriv också ett SVG-diagram över målens utveckling mot målvärde och prognos till denna fil."),
        ["help.28"] = ("Report a program's figures and goals over a period, from participant histories.", "Rapportera ett programs siffror och mål för en period, från deltagarhistoriker."),
        ["help.29"] = ("InclusionModel: municipal labour-market inclusion programs, their participant lifecycles and the validation of participant histories.\n\n", "InclusionModel: kommunala arbetsmarknadsinsatser för inkludering, deltagarnas livscykler och valideringen av deltagarhistoriker.\n\n"),
        ["help.exit-codes"] = (
            "Exit codes: 0 all valid; 1 a record, line or definition invalid or malformed; 2 the command could not run (one line on standard error); 141 standard output was closed by its reader.",
            "Slutkoder: 0 allt giltigt; 1 en post, rad eller definition ogiltig eller felformad; 2 kommandot kunde inte köras (en rad på standard fel); 141 standard ut stängdes av sin läsare."),
        ["cli.language"] = ("The language people read: sv (Swedish) or en (English); default from LC_ALL, LANG or the UI culture.", "Språket som människor läser: sv (svenska) eller en (engelska); standard från LC_ALL, LANG eller UI-kulturen."),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Whether the current UI culture asks for Swedish.</summary>
    internal static bool Swedish => CultureInfo.CurrentUICulture.Name is var name && (name == "sv" || name.StartsWith("sv-", StringComparison.OrdinalIgnoreCase));

    /// <summary>Every key with both languages, for the test that checks the table.</summary>
    internal static IEnumerable<(string Key, string En, string Sv)> All => Table.Select(e => (e.Key, e.Value.En, e.Value.Sv));

    /// <summary>The text of <paramref name="key"/> in the current language.</summary>
    internal static string Get(string key) => Swedish ? Table[key].Sv : Table[key].En;

    /// <summary>The text of <paramref name="key"/> in the current language with its placeholders filled (numbers as the language writes them).</summary>
    internal static string Format(string key, params object?[] args)
    {
        bool swedish = Swedish;
        var entry = Table[key];
        return string.Format(CultureInfo.InvariantCulture, swedish ? entry.Sv : entry.En, [.. args.Select(a => a is long or int ? Number(Convert.ToInt64(a, CultureInfo.InvariantCulture), swedish) : a)]);
    }

    /// <summary>A whole number as the current language writes it: <c>50000000</c> in English output, <c>50 000 000</c> in Swedish (a no-break space between groups of three).</summary>
    internal static string Number(long value) => Number(value, Swedish);

    private static string Number(long value, bool swedish)
        => swedish && Math.Abs(value) >= 10_000
            ? value.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", "\u00A0", StringComparison.Ordinal)
            : value.ToString(CultureInfo.InvariantCulture);
}
