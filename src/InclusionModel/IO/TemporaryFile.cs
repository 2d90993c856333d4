using Microsoft.Win32.SafeHandles;

namespace InclusionModel.IO;

/// <summary>
/// A temporary file that only its owner can read and that no exit path leaves behind: created with mode
/// 0600 under a random name (never derived from the data) in <see cref="Path.GetTempPath"/>, and on
/// Unix unlinked at once, so that only the open handle reaches it; on Windows opened delete-on-close.
/// </summary>
internal sealed class TemporaryFile : IDisposable
{
    /// <summary>The start of every temporary file's name, so that a test or an administrator can recognise them.</summary>
    internal const string NamePrefix = "inclusion-";

    private readonly FileStream _stream;

    private TemporaryFile(FileStream stream) => _stream = stream;

    /// <summary>The handle every read and write goes through.</summary>
    internal SafeFileHandle Handle => _stream.SafeFileHandle;

    /// <summary>Creates an empty temporary file.</summary>
    /// <returns>The file, already unlinked where the system allows it.</returns>
    /// <exception cref="IOException">No temporary file can be created.</exception>
    internal static TemporaryFile Create()
    {
        for (int attempt = 0; ; attempt++)
        {
            string path = Path.Combine(Path.GetTempPath(), NamePrefix + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(12)) + ".tmp");
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = 0,
                Options = OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None,
            };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            FileStream stream;
            try
            {
                stream = new FileStream(path, options);
            }
            catch (IOException) when (attempt < 3 && File.Exists(path))
            {
                continue; // a name taken by chance: draw another
            }

            if (!OperatingSystem.IsWindows())
            {
                try
                {
                    File.Delete(path);
                }
                catch
                {
                    stream.Dispose();
                    throw;
                }
            }

            return new TemporaryFile(stream);
        }
    }

    /// <summary>Writes <paramref name="bytes"/> at <paramref name="offset"/>.</summary>
    internal void Write(ReadOnlySpan<byte> bytes, long offset) => RandomAccess.Write(Handle, bytes, offset);

    /// <inheritdoc />
    public void Dispose() => _stream.Dispose();
}
