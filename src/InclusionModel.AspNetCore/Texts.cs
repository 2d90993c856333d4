namespace InclusionModel.AspNetCore;

/// <summary>
/// Every sentence the HTTP service writes for people (the titles and details of its problem documents), in English and Swedish, chosen by the request's language.
/// </summary>
/// <remarks>
/// Keys name their sentence. The machinery is the shared <see cref="TextTable"/> (src/Shared/TextTable.cs,
/// compiled into each package), so the HTTP package reaches nothing internal of the library for its words. Words
/// follow the glossary of docs/domain.md.
/// </remarks>
internal static class Texts
{
    private static readonly TextTable Table = new(new Dictionary<string, (string En, string Sv)>(StringComparer.Ordinal)
    {
        ["http.title.400"] = ("The request cannot be read", "Anropet kan inte läsas"),
        ["http.title.401"] = ("A key is needed", "En nyckel behövs"),
        ["http.title.403"] = ("The key is not accepted", "Nyckeln godtas inte"),
        ["http.title.404"] = ("Not found", "Hittades inte"),
        ["http.title.405"] = ("Method not allowed", "Metoden är inte tillåten"),
        ["http.title.408"] = ("The body came too slowly", "Innehållet kom för långsamt"),
        ["http.title.413"] = ("The body is too large", "Innehållet är för stort"),
        ["http.title.414"] = ("The address is too long", "Adressen är för lång"),
        ["http.title.415"] = ("Unsupported content type", "Innehållstypen stöds inte"),
        ["http.title.431"] = ("The headers are too large", "Rubrikfälten är för stora"),
        ["http.title.500"] = ("The service failed", "Tjänsten fick ett fel"),
        ["http.title.503"] = ("The service is busy", "Tjänsten är upptagen"),
        ["http.title.other"] = ("The request was not answered", "Anropet besvarades inte"),
        ["http.detail.400"] = ("the request's query, headers or body cannot be read", "anropets frågesträng, rubrikfält eller innehåll kan inte läsas"),
        ["http.detail.401"] = ("every request but /health needs Authorization: Bearer <key>", "varje anrop utom /health behöver Authorization: Bearer <nyckel>"),
        ["http.detail.403"] = ("the key given is not one of this service's keys", "den angivna nyckeln är inte en av tjänstens nycklar"),
        ["http.detail.404"] = ("nothing is at this address; GET /openapi/v1.json lists the endpoints", "här finns ingenting; GET /openapi/v1.json listar slutpunkterna"),
        ["http.detail.405"] = ("this endpoint does not answer this method", "slutpunkten svarar inte på den här metoden"),
        ["http.detail.413"] = ("the body is larger than this service accepts", "innehållet är större än tjänsten tar emot"),
        ["http.detail.415"] = ("this endpoint does not take this content type", "slutpunkten tar inte den här innehållstypen"),
        ["http.detail.500"] = ("an unexpected error; nothing of the request is repeated here", "ett oväntat fel; ingenting ur anropet upprepas här"),
        ["http.no-program.title"] = ("No such program", "Inget sådant projekt"),
        ["http.no-program"] = ("no program '{0}'; the programs are {1}", "det finns inget projekt med id '{0}'; de projekt som finns är: {1}"),
        ["http.no-program.unnamed"] = ("no program by that id; the programs are {0}", "det finns inget projekt med det id:t; de projekt som finns är: {0}"),
        ["http.content-type"] = ("this endpoint takes {0}", "slutpunkten tar {0}"),
        ["http.encoding"] = ("a body with a Content-Encoding (compressed) is not accepted; send it uncompressed", "komprimerat innehåll (Content-Encoding) tas inte emot; skicka det okomprimerat"),
        ["http.too-large"] = ("the body is larger than {0} bytes, the limit of this endpoint", "innehållet är större än {0} byte, som är gränsen för den här slutpunkten"),
        ["http.compare-too-large"] = ("the file is larger than {0} bytes, or a definition than {1} bytes", "filen är större än {0} byte, eller en definition större än {1} byte"),
        ["http.too-slow"] = ("the body came slower than {0} bytes a second over {1} seconds", "innehållet skickades långsammare än {0} byte per sekund under {1} sekunder"),
        ["http.busy"] = ("{0} uploads are in progress, the most this service takes at once; try again in {1} seconds", "{0} uppladdningar pågår, vilket är det högsta antal som tjänsten tar emot samtidigt; försök igen om {1} sekunder"),
        ["http.which-period.title"] = ("Which period?", "Vilken period?"),
        ["http.which-period"] = ("give one period: month=YYYY-MM, from=YYYY-MM-DD&to=YYYY-MM-DD, halfYear=YYYY-H1 or final=true", "ange en period: month=ÅÅÅÅ-MM, from=ÅÅÅÅ-MM-DD&to=ÅÅÅÅ-MM-DD, halfYear=ÅÅÅÅ-H1 eller final=true"),
        ["http.one-period.title"] = ("More than one period", "Mer än en period"),
        ["http.one-period"] = ("give one period only: month, from and to, halfYear or final", "ange bara en period: month, from och to, halfYear eller final"),
        ["http.bad-period.title"] = ("The period cannot be read", "Perioden kan inte läsas"),
        ["http.bad-month"] = ("month must be a month YYYY-MM (01–12)", "month måste vara en månad ÅÅÅÅ-MM (01–12)"),
        ["http.bad-half-year"] = ("halfYear must be YYYY-H1 or YYYY-H2", "halfYear måste vara ÅÅÅÅ-H1 eller ÅÅÅÅ-H2"),
        ["http.from-to"] = ("from must be given together with to", "from måste anges tillsammans med to"),
        ["http.bad-from-to"] = ("from and to must be dates YYYY-MM-DD", "from och to måste vara datum ÅÅÅÅ-MM-DD"),
        ["http.not-in-calendar"] = ("{0} is not in the calendar: {1}", "{0} finns inte i kalendern: {1}"),
        ["http.period-backwards"] = ("the period ends ({0}) before it starts ({1})", "perioden slutar ({0}) innan den börjar ({1})"),
        ["http.no-final-period.title"] = ("Program period incomplete", "Projektperioden är ofullständig"),
        ["http.no-final-period.start"] = ("the program does not state when it started, so its final report cannot be bounded; give from and to", "projektet anger inte när det startade, så slutrapporten kan inte avgränsas; ange perioden med from och to"),
        ["http.no-final-period.end"] = ("the program does not state when it ended, so its final report cannot be bounded; give from and to", "projektet anger inte när det slutade, så slutrapporten kan inte avgränsas; ange perioden med from och to"),
        ["http.no-final-period.both"] = ("the program states neither when it started nor when it ended, so its final report cannot be bounded; give from and to", "projektet anger varken när det startade eller när det slutade, så slutrapporten kan inte avgränsas; ange perioden med from och to"),
        ["http.which-threshold.title"] = ("Which threshold?", "Vilken tröskel?"),
        ["http.which-threshold"] = ("minCell goes with publication=true and is at least 3", "minCell får bara anges med publication=true och ska vara minst 3"),
        ["http.no-date.title"] = ("No date", "Inget datum"),
        ["http.no-date"] = ("asOf is required: this host registers no clock to give today's date", "asOf måste anges: tjänsten har ingen klocka som ger dagens datum"),
        ["http.not-a-date.title"] = ("Not a date", "Ogiltigt datum"),
        ["http.not-a-date"] = ("asOf must be a date YYYY-MM-DD", "asOf måste vara ett datum ÅÅÅÅ-MM-DD"),
        ["http.not-multipart.title"] = ("Not multipart", "Inte multipart"),
        ["http.not-multipart"] = ("the body is multipart/form-data with a boundary", "innehållet ska vara multipart/form-data med en gräns (boundary)"),
        ["http.bad-multipart"] = ("the body is not a well-formed multipart/form-data document (or a part's headers are over 16 KiB)", "innehållet är inget välformat multipart/form-data-dokument (eller så är en dels rubrikfält större än 16 KiB)"),
        ["http.part.title"] = ("Unknown, repeated or missing part", "Okänd, upprepad eller saknad del"),
        ["http.unknown-part"] = ("the parts are file, candidate and baseline", "tillåtna delar är file, candidate och baseline"),
        ["http.part-twice"] = ("the part '{0}' appears twice; each part is sent once", "delen '{0}' förekommer två gånger; varje del skickas en gång"),
        ["http.missing-part"] = ("the body needs a 'file' part and a 'candidate' part", "innehållet behöver en del 'file' och en del 'candidate'"),
        ["http.candidate-invalid"] = ("The candidate is invalid", "Den nya definitionen är ogiltig"),
        ["http.baseline-invalid"] = ("The baseline is invalid", "Den nuvarande definitionen är ogiltig"),
        ["http.two-programs.title"] = ("Two programs", "Två projekt"),
        ["http.two-programs"] = ("the baseline defines '{0}' and the candidate '{1}'; compare two definitions of one program", "den nuvarande definitionen gäller '{0}' och den nya '{1}'; jämför två definitioner av samma projekt"),
        ["http.not-json.title"] = ("Not JSON", "Inte JSON"),
        ["http.not-json"] = ("the body is not valid JSON (line {0})", "innehållet är inte giltig JSON (rad {0})"),
        ["http.not-check.title"] = ("Not a transition check", "Anropet är ingen övergångskontroll"),
        ["http.not-check"] = ("the body is {\"record\": <a history>, \"event\": <an event>}, each key once, and nothing else", "innehållet ska vara {\"record\": <en historik>, \"event\": <en händelse>}, med varje nyckel en gång och inget annat"),
        ["http.record-malformed"] = ("The record is malformed", "Historiken är felformad"),
        ["http.event-malformed"] = ("The event is malformed", "Händelsen är felformad"),
    });

    /// <summary>Every key with both languages, for the test that checks the table.</summary>
    internal static IEnumerable<(string Key, string En, string Sv)> All => Table.All;

    /// <summary>The text of <paramref name="key"/> in the current language.</summary>
    internal static string Get(string key) => Table.Get(key);

    /// <summary>The text of <paramref name="key"/> in the current language with its placeholders filled (numbers as the language writes them).</summary>
    internal static string Format(string key, params object?[] args) => Table.Format(key, args);
}
