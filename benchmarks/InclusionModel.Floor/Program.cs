using System.Diagnostics;
using InclusionModel.Floor;

// inclusion-floor generate FILE MEGABYTES   writes a realistic export and prints "records bytes as-of"
// inclusion-floor parse FILE               the bare parse: prints "lines tokens value-bytes malformed"
// inclusion-floor load URL BODY REQUESTS CLIENTS   posts BODY to URL (POST /validate) from CLIENTS clients until REQUESTS are answered
if (args is ["generate", var target, var size])
{
    var (records, bytes, asOf) = Generate.Run(target, int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
    Console.WriteLine($"{records} {bytes} {asOf:uuuu-MM-dd}");
    return 0;
}

if (args is ["parse", var source])
{
    var clock = Stopwatch.StartNew();
    using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
    var tally = BareParse.Run(input, Environment.ProcessorCount);
    Console.WriteLine($"{tally.Lines} {tally.Tokens} {tally.ValueBytes} {tally.Malformed} {clock.ElapsedMilliseconds}ms");
    return 0;
}

if (args is ["load", var url, var bodyFile, var requests, var clients])
{
    return await Load.Run(url, bodyFile, int.Parse(requests, System.Globalization.CultureInfo.InvariantCulture), int.Parse(clients, System.Globalization.CultureInfo.InvariantCulture));
}

Console.Error.WriteLine("usage: inclusion-floor generate FILE MEGABYTES | inclusion-floor parse FILE | inclusion-floor load URL BODY-FILE REQUESTS CLIENTS");
return 2;
