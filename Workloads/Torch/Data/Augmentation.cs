namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// The standard CIFAR-style training augmentation (He et al. 2016, Sec. 4.2: pad by 4 and crop, random
/// horizontal flip), scaled to 28x28 images: each image moved by up to <see cref="MaxShift"/> pixels in
/// each direction, background filled in, and mirrored left to right with probability 1/2. Drawn from a
/// seeded generator, so a training run sees the same images every time.
/// </summary>
public sealed class Augmentation(int seed)
{
    public const int MaxShift = 2;

    private readonly Random _random = new(seed);

    /// <summary>The next image's source offset (rows, columns) and whether it is mirrored.</summary>
    public (int Dy, int Dx, bool Flip) Next() =>
        (_random.Next(-MaxShift, MaxShift + 1), _random.Next(-MaxShift, MaxShift + 1), _random.Next(2) == 1);
}
