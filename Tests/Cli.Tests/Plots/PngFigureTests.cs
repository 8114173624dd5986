using QuantSim.Cli.Plots;
using ScottPlot;
using SkiaSharp;

namespace QuantSim.Cli.Tests.Plots;

/// <summary>
/// The faster PNG encoding of the figures draws exactly what ScottPlot's own <c>GetImageBytes</c> draws: both files
/// decode to the same pixels, on figures of the shapes QuantSim makes (stacked bars with rotated labels, horizontal
/// bars, scatter on a second axis).
/// </summary>
public sealed class PngFigureTests
{
    [TestCase(1200, 600, 60)]
    [TestCase(1200, 600, 3)]
    [TestCase(640, 480, 25)]
    [TestCase(37, 23, 5)]
    public void Should_Decode_To_The_Pixels_ScottPlot_Renders(int width, int height, int bars)
    {
        var reference = Decode(Figure(bars).GetImageBytes(width, height, ImageFormat.Png));
        var encoded = Decode(PngFigure.Encode(Figure(bars), width, height));

        Assert.That((encoded.Width, encoded.Height), Is.EqualTo((width, height)));
        Assert.That(encoded.ColorType, Is.EqualTo(reference.ColorType));
        Assert.That(encoded.Bytes, Is.EqualTo(reference.Bytes), "pixels differ");
    }

    [Test]
    public void Should_Give_The_Same_Bytes_Every_Time()
    {
        var first = PngFigure.Encode(Figure(40), 800, 400);
        var second = PngFigure.Encode(Figure(40), 800, 400);
        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void Should_Differ_When_The_Figure_Differs()
    {
        // The comparison above can fail: one bar more is other pixels.
        Assert.That(Decode(PngFigure.Encode(Figure(10), 400, 300)).Bytes, Is.Not.EqualTo(Decode(PngFigure.Encode(Figure(11), 400, 300)).Bytes));
    }

    private static Plot Figure(int count)
    {
        var random = new Random(count);
        var plot = new Plot();
        var bars = new List<Bar>();
        for (int i = 0; i < count; i++)
        {
            double compute = random.Next(1_000, 100_000);
            bars.Add(new Bar { Position = i, ValueBase = 0, Value = compute, FillColor = Colors.SteelBlue });
            bars.Add(new Bar { Position = i, ValueBase = compute, Value = compute * (1 + random.NextDouble()), FillColor = Colors.OrangeRed });
        }

        plot.Add.Bars(bars);
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, count).Select(i => (double)i).ToArray(), Enumerable.Range(0, count).Select(i => $"layer{i}.conv").ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        var share = plot.Add.Scatter(Enumerable.Range(0, count).Select(i => (double)i).ToArray(), Enumerable.Range(0, count).Select(_ => random.NextDouble() * 100).ToArray());
        share.Axes.YAxis = plot.Axes.Right;
        plot.YLabel("cycles");
        plot.Title($"{count} layers");
        return plot;
    }

    private static SKBitmap Decode(byte[] png) => SKBitmap.Decode(png) ?? throw new AssertionException("not a PNG");
}
