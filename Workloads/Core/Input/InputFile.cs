using System.Text;

namespace QuantSim.Input;

/// <summary>
/// Reads a user's input file with a size limit. <c>File.ReadAllText</c> reads until memory runs out
/// on <c>/dev/zero</c> and fails with "Access to the path is denied" on a directory; here both are
/// input errors that say what was given and what is allowed. Devices, pipes and sockets are refused
/// outright: they have no size to check and may never end.
/// </summary>
public static class InputFile
{
    /// <summary>
    /// The file's text (UTF-8, or the encoding its byte-order mark names). <paramref name="what"/>
    /// names the file in messages ("config file"). Throws <see cref="InputException"/> for a
    /// directory, a non-regular file, a file over <paramref name="maxBytes"/> (located at the line
    /// where the limit is crossed) or one that cannot be opened.
    /// </summary>
    public static string ReadAllText(string path, string what, long maxBytes)
    {
        byte[] bytes = ReadCapped(path, what, maxBytes);
        if (bytes.Length > maxBytes)
        {
            var (line, column) = PositionOf(bytes, (int)maxBytes);
            throw Error(path, line, column, $"the {what} is larger than {InputLimits.Bytes(maxBytes)}, the most a {what} may be");
        }

        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The file's bytes, for binary formats (ONNX), under the same checks as <see cref="ReadAllText"/>;
    /// a file over the limit has no line to name, so the message gives the size only.
    /// </summary>
    public static byte[] ReadAllBytes(string path, string what, long maxBytes)
    {
        byte[] bytes = ReadCapped(path, what, maxBytes);
        if (bytes.Length > maxBytes)
        {
            throw Error(path, 0, 0, $"the {what} is larger than {InputLimits.Bytes(maxBytes)}, the most a {what} may be");
        }

        return bytes;
    }

    /// <summary>At most <paramref name="maxBytes"/> + 1 bytes of a regular file: one more than allowed tells the caller it is too large.</summary>
    private static byte[] ReadCapped(string path, string what, long maxBytes)
    {
        if (Directory.Exists(path))
        {
            throw Error(path, 0, 0, $"is a directory; give the path of a {what}");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            // Pipes and sockets cannot seek; character devices (/dev/zero) can, but report size 0 and
            // read without end, so reading one byte past the reported size tells them apart.
            if (!stream.CanSeek)
            {
                throw NotRegular(path, what);
            }

            long length = stream.Length;
            byte[] bytes = ReadAtMost(stream, Math.Min(length, maxBytes) + 1);
            if (bytes.Length > length && length <= maxBytes)
            {
                throw NotRegular(path, what);
            }

            return bytes;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Error(path, 0, 0, $"cannot read the {what}: {ex.Message}");
        }
    }

    /// <summary>Reads until end of file or <paramref name="limit"/> bytes, whichever comes first.</summary>
    private static byte[] ReadAtMost(Stream stream, long limit)
    {
        using var buffer = new MemoryStream();
        byte[] chunk = new byte[81920];
        while (buffer.Length < limit)
        {
            int read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, limit - buffer.Length));
            if (read == 0)
            {
                break;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>1-based line and column (in bytes) of byte <paramref name="offset"/>.</summary>
    private static (int Line, int Column) PositionOf(byte[] bytes, int offset)
    {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static InputException NotRegular(string path, string what) =>
        Error(path, 0, 0, $"is not a regular file (a device, pipe or socket); give the path of a {what}");

    private static InputException Error(string path, int line, int column, string message) =>
        new(new InputError(path, line, column, string.Empty, message));
}
