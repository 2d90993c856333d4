namespace InclusionModel.Testing;

/// <summary>A law of a program did not hold; the message names the law and the shrunk counterexample.</summary>
public sealed class LawFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The law and its counterexample.</param>
    /// <param name="inner">FsCheck's failure, when there is one.</param>
    public LawFailedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
