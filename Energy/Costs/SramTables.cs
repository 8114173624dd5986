using MathNet.Numerics.Interpolation;
using QuantSim.Input;

namespace QuantSim.Energy.Costs;

/// <summary>Energy of one word access to an SRAM array of a capacity and word width.</summary>
public sealed record SramPoint(long CapacityBytes, int WordBits, double ReadPj, double WritePj, Provenance Provenance);

/// <summary>Area of an SRAM array of a capacity.</summary>
public sealed record SramAreaPoint(long CapacityBytes, double AreaUm2, Provenance Provenance);

/// <summary>
/// SRAM access energy by capacity and word width. Within one word width, energy is interpolated
/// linearly in (log capacity, log energy); across widths, linearly in (log width, log energy)
/// between the nearest widths whose points cover the capacity. A table point is returned unchanged.
/// </summary>
public sealed class SramEnergyTable
{
    private readonly SortedDictionary<int, WidthCurve> _byWidth = [];

    public SramEnergyTable(IReadOnlyList<SramPoint> points, string lawSource, string file, int line)
    {
        Points = points;
        LawSource = lawSource;
        File = file;
        Line = line;
        foreach (var group in points.GroupBy(p => p.WordBits))
        {
            _byWidth[group.Key] = new WidthCurve(group.OrderBy(p => p.CapacityBytes).ToList());
        }
    }

    public IReadOnlyList<SramPoint> Points { get; }

    public string LawSource { get; }

    public string File { get; }

    public int Line { get; }

    public double ReadPj(long capacityBytes, int wordBits, bool allowExtrapolation) =>
        Evaluate(capacityBytes, wordBits, allowExtrapolation, read: true);

    public double WritePj(long capacityBytes, int wordBits, bool allowExtrapolation) =>
        Evaluate(capacityBytes, wordBits, allowExtrapolation, read: false);

    private double Evaluate(long capacity, int wordBits, bool allowExtrapolation, bool read)
    {
        // Widths that can say something about this capacity: those whose points span it, and when
        // extrapolating also those with two or more points to extend.
        var usable = _byWidth.Where(w => w.Value.Covers(capacity) || (allowExtrapolation && w.Value.CanExtend)).ToList();
        var same = usable.Find(w => w.Key == wordBits);
        if (same.Value is not null)
        {
            return same.Value.At(capacity, read);
        }

        bool bracketed = usable.Any(w => w.Key < wordBits) && usable.Any(w => w.Key > wordBits);
        if (bracketed || (allowExtrapolation && usable.Count >= 2))
        {
            // Piecewise linear in (log width, log energy) through every usable width; between two
            // widths this is the log-log line through the bracketing pair.
            var spline = LinearSpline.InterpolateSorted(
                usable.Select(w => Math.Log(w.Key)).ToArray(),
                usable.Select(w => Math.Log(w.Value.At(capacity, read))).ToArray());
            return Math.Exp(spline.Interpolate(Math.Log(wordBits)));
        }

        string widths = string.Join(", ", _byWidth.Where(w => w.Value.Covers(capacity)).Select(w => w.Key));
        string what = widths.Length == 0 ? "no word width has points around that capacity" : $"widths with points around that capacity: {widths}";
        throw new InputException(new InputError(File, Line, 0, "sram",
            $"a {capacity}-byte SRAM with {wordBits}-bit words is outside the table's range ({what}); add points or set allow_extrapolation: true"));
    }

    private sealed class WidthCurve
    {
        private readonly List<SramPoint> _points;
        private readonly LinearSpline? _read;
        private readonly LinearSpline? _write;

        public WidthCurve(List<SramPoint> points)
        {
            _points = points;
            if (points.Count >= 2)
            {
                double[] x = points.Select(p => Math.Log(p.CapacityBytes)).ToArray();
                _read = LinearSpline.InterpolateSorted(x, points.Select(p => Math.Log(p.ReadPj)).ToArray());
                _write = LinearSpline.InterpolateSorted(x, points.Select(p => Math.Log(p.WritePj)).ToArray());
            }
        }

        public bool CanExtend => _read is not null;

        public bool Covers(long capacity) =>
            capacity >= _points[0].CapacityBytes && capacity <= _points[^1].CapacityBytes;

        public double At(long capacity, bool read)
        {
            var exact = _points.Find(p => p.CapacityBytes == capacity);
            if (exact is not null)
            {
                return read ? exact.ReadPj : exact.WritePj;
            }

            // One point cannot be extrapolated from; Covers() already refused it without extrapolation.
            var spline = (read ? _read : _write) ?? throw new InvalidOperationException("A single-point width cannot be interpolated.");
            return Math.Exp(spline.Interpolate(Math.Log(capacity)));
        }
    }
}

/// <summary>SRAM area by capacity, interpolated linearly in (log capacity, log area).</summary>
public sealed class SramAreaTable
{
    private readonly LinearSpline _spline;

    public SramAreaTable(IReadOnlyList<SramAreaPoint> points, string lawSource, string file, int line)
    {
        Points = points;
        LawSource = lawSource;
        File = file;
        Line = line;
        _spline = LinearSpline.InterpolateSorted(
            points.Select(p => Math.Log(p.CapacityBytes)).ToArray(),
            points.Select(p => Math.Log(p.AreaUm2)).ToArray());
    }

    public IReadOnlyList<SramAreaPoint> Points { get; }

    public string LawSource { get; }

    public string File { get; }

    public int Line { get; }

    public double AreaUm2(long capacityBytes, bool allowExtrapolation)
    {
        var exact = Points.FirstOrDefault(p => p.CapacityBytes == capacityBytes);
        if (exact is not null)
        {
            return exact.AreaUm2;
        }

        if (!allowExtrapolation && (capacityBytes < Points[0].CapacityBytes || capacityBytes > Points[^1].CapacityBytes))
        {
            throw new InputException(new InputError(File, Line, 0, "sram_area",
                $"a {capacityBytes}-byte SRAM is outside the table's range of {Points[0].CapacityBytes} to {Points[^1].CapacityBytes} bytes; add points or set allow_extrapolation: true"));
        }

        return Math.Exp(_spline.Interpolate(Math.Log(capacityBytes)));
    }
}
