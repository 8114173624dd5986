using System.Buffers.Binary;

namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// The IDX format of the MNIST distribution (yann.lecun.com/exdb/mnist): a big-endian magic
/// <c>0x00 0x00 0x08 D</c> (unsigned bytes, D dimensions), D big-endian int32 sizes, then the bytes.
/// </summary>
public static class IdxFile
{
    private const byte UnsignedByte = 0x08;

    /// <summary>Reads an IDX file of unsigned bytes: its dimension sizes and its data.</summary>
    public static (int[] Shape, byte[] Data) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 4 || bytes[0] != 0 || bytes[1] != 0 || bytes[2] != UnsignedByte)
        {
            throw new InvalidDataException($"{path} is not an unsigned-byte IDX file");
        }

        int dims = bytes[3];
        int header = 4 + 4 * dims;
        var shape = new int[dims];
        long count = 1;
        for (int d = 0; d < dims; d++)
        {
            shape[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            count *= shape[d];
        }

        if (bytes.Length != header + count)
        {
            throw new InvalidDataException($"{path} has {bytes.Length} bytes, its header promises {header + count}");
        }

        return (shape, bytes.AsSpan(header).ToArray());
    }

    /// <summary>Writes unsigned bytes with the given dimension sizes.</summary>
    public static void Write(string path, ReadOnlySpan<int> shape, ReadOnlySpan<byte> data)
    {
        var header = new byte[4 + 4 * shape.Length];
        header[2] = UnsignedByte;
        header[3] = (byte)shape.Length;
        for (int d = 0; d < shape.Length; d++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * d), shape[d]);
        }

        using FileStream file = File.Create(path);
        file.Write(header);
        file.Write(data);
    }

    /// <summary>Images from an images file and a labels file of the same length.</summary>
    public static ImageSet ReadImageSet(string imagesPath, string labelsPath)
    {
        var (imageShape, pixels) = Read(imagesPath);
        var (labelShape, labels) = Read(labelsPath);
        if (imageShape.Length != 3 || labelShape.Length != 1 || imageShape[0] != labelShape[0])
        {
            throw new InvalidDataException($"{imagesPath} ({string.Join('x', imageShape)}) and {labelsPath} ({string.Join('x', labelShape)}) do not match");
        }

        return new ImageSet(pixels, labels, imageShape[1], imageShape[2]);
    }
}
