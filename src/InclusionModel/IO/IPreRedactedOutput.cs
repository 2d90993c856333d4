namespace InclusionModel.IO;

/// <summary>
/// An output that withholds identity numbers in everything written to it (the command's standard output)
/// and also takes bytes that already went through the same redaction whole, elsewhere: a document's entries
/// rendered and redacted on the workers are then not scanned a second time on the thread that writes.
/// </summary>
internal interface IPreRedactedOutput
{
    /// <summary>
    /// Writes bytes that <see cref="Privacy.PersonalIdentityNumbers.RedactUtf8"/> has passed, whole, and that
    /// neither start nor end inside a number (a run of whole JSON entries).
    /// </summary>
    /// <param name="bytes">The bytes.</param>
    void WritePreRedacted(ReadOnlySpan<byte> bytes);
}
