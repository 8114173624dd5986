using QuantSim.Workloads.Torch.Data;

namespace QuantSim.Workloads.Torch.Tests.Data;

public sealed class AugmentationTests
{
    // A 4x5 image whose pixel at (row r, column c) is 10r + c + 1, so every moved pixel is recognisable.
    private static readonly byte[] Image = [.. Enumerable.Range(0, 20).Select(i => (byte)(10 * (i / 5) + i % 5 + 1))];

    [Test]
    public void Should_Leave_Pixels_Unchanged_Without_Augmentation()
    {
        var set = new ImageSet(Image, [3], 4, 5);
        var (images, labels) = set.Batch([0]);
        Assert.That(images.data<float>().ToArray(), Is.EqualTo(Image.Select(p => p / 255f).ToArray()));
        Assert.That(labels.data<long>().ToArray(), Is.EqualTo(new long[] { 3 }));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(7)]
    [TestCase(12345)]
    public void Should_Shift_And_Mirror_Each_Image_As_Drawn(int seed)
    {
        var set = new ImageSet([.. Image, .. Image, .. Image], [0, 1, 2], 4, 5);
        var draws = new Augmentation(seed);
        var expected = new List<float>();
        for (int n = 0; n < 3; n++)
        {
            var (dy, dx, flip) = draws.Next();
            Assert.That(Math.Abs(dy), Is.LessThanOrEqualTo(Augmentation.MaxShift));
            Assert.That(Math.Abs(dx), Is.LessThanOrEqualTo(Augmentation.MaxShift));
            for (int r = 0; r < 4; r++)
            {
                for (int c = 0; c < 5; c++)
                {
                    // By hand: the source row is r + dy; the source column is c + dx, counted from the right when mirrored.
                    int sr = r + dy;
                    int sc = (flip ? 4 - c : c) + dx;
                    expected.Add(sr is >= 0 and < 4 && sc is >= 0 and < 5 ? (10 * sr + sc + 1) / 255f : 0f);
                }
            }
        }

        var (images, _) = set.Batch([0, 1, 2], new Augmentation(seed));
        Assert.That(images.data<float>().ToArray(), Is.EqualTo(expected.ToArray()));
    }

    [Test]
    public void Should_Draw_Every_Shift_And_Both_Orientations()
    {
        var draws = new Augmentation(5);
        var seen = Enumerable.Range(0, 2000).Select(_ => draws.Next()).ToHashSet();
        Assert.That(seen, Has.Count.EqualTo(5 * 5 * 2));
    }
}
