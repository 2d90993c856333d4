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
        ["http.title.408"] = ("The body came too slowly", "Kroppen kom för långsamt"),
        ["http.title.413"] = ("The body is too large", "Kroppen är för stor"),
        ["http.title.414"] = ("The address is too long", "Adressen är för lång"),
        ["http.title.415"] = ("Unsupported content type", "Innehållstypen stöds inte"),
        ["http.title.431"] = ("The headers are too large", "Huvudena är för stora"),
        ["http.title.500"] = ("The service failed", "Tjänsten fick ett fel"),
        ["http.title.503"] = ("The service is busy", "Tjänsten är upptagen"),
        ["http.title.other"] = ("The request was not answered", "Anropet besvarades inte"),
        ["http.detail.400"] = ("the request's query, headers or body cannot be read", "anropets fråga, huvuden eller kropp kan inte läsas"),
        ["http.detail.401"] = ("every request but /health needs Authorization: Bearer <key>", "varje anrop utom /health behöver Authorization: Bearer <nyckel>"),
        ["http.detail.403"] = ("the key given is not one of this service's keys", "den angivna nyckeln är inte en av tjänstens nycklar"),
        ["http.detail.404"] = ("nothing is at this address; GET /openapi/v1.json lists the endpoints", "här finns ingenting; GET /openapi/v1.json listar slutpunkterna"),
        ["http.detail.405"] = ("this endpoint does not answer this method", "slutpunkten svarar inte på den här metoden"),
        ["http.detail.413"] = ("the body is larger than this service accepts", "kroppen är större än tjänsten tar emot"),
        ["http.detail.415"] = ("this endpoint does not take this content type", "slutpunkten tar inte den här innehållstypen"),
        ["http.detail.500"] = ("an unexpected error; nothing of the request is repeated here", "ett oväntat fel; ingenting ur anropet upprepas här"),
        ["http.no-program.title"] = ("No such program", "Inget sådant program"),
        ["http.no-program"] = ("no program '{0}'; the programs are {1}", "inget program '{0}'; programmen är {1}"),
        ["http.no-program.unnamed"] = ("no program by that id; the programs are {0}", "inget program med det id:t; programmen är {0}"),
        ["http.content-type"] = ("this endpoint takes {0}", "slutpunkten tar {0}"),
        ["http.encoding"] = ("a body with a Content-Encoding (compressed) is not accepted; send it uncompressed", "en kropp med Content-Encoding (komprimerad) tas inte emot; skicka den okomprimerad"),
        ["http.too-large"] = ("the body is larger than {0} bytes, the limit of this endpoint", "kroppen är större än {0} byte, gränsen för slutpunkten"),
        ["http.compare-too-large"] = ("the file is larger than {0} bytes, or a definition than {1}", "filen är större än {0} byte, eller en definition större än {1}"),
        ["http.too-slow"] = ("the body came slower than {0} bytes a second over {1} seconds", "kroppen kom långsammare än {0} byte per sekund under {1} sekunder"),
        ["http.busy"] = ("{0} uploads are in progress, the most this service takes at once; try again in {1} seconds", "{0} uppladdningar pågår, det mesta tjänsten tar emot samtidigt; försök igen om {1} sekunder"),
        ["http.which-period.title"] = ("Which period?", "Vilken period?"),
        ["http.which-period"] = ("give one period: month=YYYY-MM, from=YYYY-MM-DD&to=YYYY-MM-DD, halfYear=YYYY-H1 or final=true", "ange en period: month=ÅÅÅÅ-MM, from=ÅÅÅÅ-MM-DD&to=ÅÅÅÅ-MM-DD, halfYear=ÅÅÅÅ-H1 eller final=true"),
        ["http.which-threshold.title"] = ("Which threshold?", "Vilken tröskel?"),
        ["http.which-threshold"] = ("minCell goes with publication=true and is at least 3", "minCell hör ihop med publication=true och är minst 3"),
        ["http.no-date.title"] = ("No date", "Inget datum"),
        ["http.no-date"] = ("asOf is required: this host registers no clock to give today's date", "asOf krävs: värden registrerar ingen klocka som ger dagens datum"),
        ["http.not-a-date.title"] = ("Not a date", "Inget datum"),
        ["http.not-a-date"] = ("asOf must be a date YYYY-MM-DD", "asOf måste vara ett datum ÅÅÅÅ-MM-DD"),
        ["http.not-multipart.title"] = ("Not multipart", "Inte multipart"),
        ["http.not-multipart"] = ("the body is multipart/form-data with a boundary", "kroppen är multipart/form-data med en gräns (boundary)"),
        ["http.bad-multipart"] = ("the body is not a well-formed multipart/form-data document (or a part's headers are over 16 KiB)", "kroppen är inget välformat multipart/form-data-dokument (eller så är en dels huvuden över 16 KiB)"),
        ["http.part.title"] = ("Unknown, repeated or missing part", "Okänd, upprepad eller saknad del"),
        ["http.unknown-part"] = ("the parts are file, candidate and baseline", "delarna är file, candidate och baseline"),
        ["http.part-twice"] = ("the part '{0}' appears twice; each part is sent once", "delen '{0}' förekommer två gånger; varje del skickas en gång"),
        ["http.missing-part"] = ("the body needs a 'file' part and a 'candidate' part", "kroppen behöver en del 'file' och en del 'candidate'"),
        ["http.candidate-invalid"] = ("The candidate is invalid", "Den nya definitionen är ogiltig"),
        ["http.baseline-invalid"] = ("The baseline is invalid", "Utgångsläget är ogiltigt"),
        ["http.two-programs.title"] = ("Two programs", "Två program"),
        ["http.two-programs"] = ("the baseline defines '{0}' and the candidate '{1}'; compare two definitions of one program", "den nuvarande definitionen gäller '{0}' och den nya '{1}'; jämför två definitioner av samma program"),
        ["http.not-json.title"] = ("Not JSON", "Inte JSON"),
        ["http.not-json"] = ("the body is not valid JSON (line {0})", "kroppen är inte giltig JSON (rad {0})"),
        ["http.not-check.title"] = ("Not a transition check", "Ingen övergångskontroll"),
        ["http.not-check"] = ("the body is {\"record\": <a history>, \"event\": <an event>}, each key once, and nothing else", "kroppen är {\"record\": <en historik>, \"event\": <en händelse>}, varje nyckel en gång, och inget annat"),
        ["http.record-malformed"] = ("The record is malformed", "Posten är felformad"),
        ["http.event-malformed"] = ("The event is malformed", "Händelsen är felformad"),
    });

    /// <summary>Every key with both languages, for the test that checks the table.</summary>
    internal static IEnumerable<(string Key, string En, string Sv)> All => Table.All;

    /// <summary>The text of <paramref name="key"/> in the current language.</summary>
    internal static string Get(string key) => Table.Get(key);

    /// <summary>The text of <paramref name="key"/> in the current language with its placeholders filled (numbers as the language writes them).</summary>
    internal static string Format(string key, params object?[] args) => Table.Format(key, args);
}
