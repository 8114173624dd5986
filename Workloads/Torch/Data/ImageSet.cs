using static TorchSharp.torch;

namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// Grey-scale images as bytes (row-major, image after image) with one class label each. Immutable by
/// convention: loaders hand out fresh arrays and nothing writes to them afterwards.
/// </summary>
public sealed class ImageSet
{
    public ImageSet(byte[] pixels, byte[] labels, int height, int width)
    {
        if (pixels.Length != labels.Length * height * width)
        {
            throw new ArgumentException($"{pixels.Length} pixels do not make {labels.Length} images of {height}x{width}");
        }

        Pixels = pixels;
        Labels = labels;
        Height = height;
        Width = width;
    }

    public byte[] Pixels { get; }

    public byte[] Labels { get; }

    public int Height { get; }

    public int Width { get; }

    public int Count => Labels.Length;

    public int PixelsPerImage => Height * Width;

    /// <summary>The first <paramref name="count"/> images (all when larger than the set).</summary>
    public ImageSet Take(int count)
    {
        int n = Math.Min(count, Count);
        return new ImageSet(Pixels.AsSpan(0, n * PixelsPerImage).ToArray(), Labels.AsSpan(0, n).ToArray(), Height, Width);
    }

    /// <summary>Images <paramref name="start"/>..start+count as an N x 1 x H x W float tensor scaled to [0, 1] (pixel / 255).</summary>
    public Tensor ImagesTensor(int start, int count)
    {
        var slice = new float[count * PixelsPerImage];
        int offset = start * PixelsPerImage;
        for (int i = 0; i < slice.Length; i++)
        {
            slice[i] = Pixels[offset + i] / 255f;
        }

        return tensor(slice, new long[] { count, 1, Height, Width });
    }

    /// <summary>Labels <paramref name="start"/>..start+count as an int64 tensor.</summary>
    public Tensor LabelsTensor(int start, int count)
    {
        var slice = new long[count];
        for (int i = 0; i < count; i++)
        {
            slice[i] = Labels[start + i];
        }

        return tensor(slice);
    }

    /// <summary>
    /// The images at <paramref name="indices"/> as an N x 1 x H x W float tensor in [0, 1], and their labels;
    /// each image moved by <paramref name="augment"/> when given (see <see cref="Augmentation"/>).
    /// </summary>
    public (Tensor Images, Tensor Labels) Batch(ReadOnlySpan<int> indices, Augmentation? augment = null)
    {
        var pixels = new float[indices.Length * PixelsPerImage];
        var labels = new long[indices.Length];
        for (int n = 0; n < indices.Length; n++)
        {
            int offset = indices[n] * PixelsPerImage;
            var (dy, dx, flip) = augment?.Next() ?? (0, 0, false);
            for (int y = 0; y < Height; y++)
            {
                int sy = y + dy;
                for (int x = 0; x < Width; x++)
                {
                    // Output (y, x) shows source (y + dy, x' + dx), x' mirrored when flipped; outside the
                    // image is the background, 0 in both MNIST and Fashion-MNIST.
                    int sx = (flip ? Width - 1 - x : x) + dx;
                    bool inside = sy >= 0 && sy < Height && sx >= 0 && sx < Width;
                    pixels[n * PixelsPerImage + y * Width + x] = inside ? Pixels[offset + sy * Width + sx] / 255f : 0f;
                }
            }

            labels[n] = Labels[indices[n]];
        }

        return (tensor(pixels, new long[] { indices.Length, 1, Height, Width }), tensor(labels));
    }
}
