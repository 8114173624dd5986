using MathNet.Numerics.Interpolation;
using QuantSim.Input;

namespace QuantSim.Energy.Costs;

/// <summary>One point of a logic family: width(s), energy per operation and area of one unit.</summary>
public sealed record ScaledPoint(int ABits, int BBits, double EnergyPj, double AreaUm2, Provenance Provenance);

/// <summary>
/// A logic family (adders, multipliers, shifters, comparators) priced between its points by a
/// <see cref="ScalingLaw"/>: energy and area are piecewise linear in the law's size measure, so
/// the curve passes exactly through every point and, since the reader requires energies that do
/// not fall as the width grows, is monotone. Widths outside [<see cref="MinBits"/>,
/// <see cref="MaxBits"/>] are refused unless the table allows extrapolation (then the end
/// segments are extended).
/// </summary>
public sealed class ScaledFamily
{
    private readonly double[] _sizes;
    private readonly LinearSpline _energy;
    private readonly LinearSpline _area;

    public ScaledFamily(string name, ScalingLaw law, string lawSource, int minBits, int maxBits,
        IReadOnlyList<ScaledPoint> points, string file, int line)
    {
        if (points.Count < 2)
        {
            throw new ArgumentException("A scaled family needs at least two points.", nameof(points));
        }

        Name = name;
        Law = law;
        LawSource = lawSource;
        MinBits = minBits;
        MaxBits = maxBits;
        Points = points;
        File = file;
        Line = line;
        _sizes = points.Select(p => ScalingLaws.Size(law, p.ABits, p.BBits)).ToArray();
        _energy = LinearSpline.InterpolateSorted(_sizes, points.Select(p => p.EnergyPj).ToArray());
        _area = LinearSpline.InterpolateSorted(_sizes, points.Select(p => p.AreaUm2).ToArray());
    }

    public string Name { get; }

    public ScalingLaw Law { get; }

    public string LawSource { get; }

    public int MinBits { get; }

    public int MaxBits { get; }

    public IReadOnlyList<ScaledPoint> Points { get; }

    public string File { get; }

    public int Line { get; }

    /// <summary>Energy of one operation in pJ; <paramref name="b"/> is used by the product law only.</summary>
    public double EnergyPj(int a, int b, bool allowExtrapolation) => Evaluate(_energy, p => p.EnergyPj, a, b, allowExtrapolation);

    /// <summary>Area of one unit in um^2.</summary>
    public double AreaUm2(int a, int b, bool allowExtrapolation) => Evaluate(_area, p => p.AreaUm2, a, b, allowExtrapolation);

    private double Evaluate(LinearSpline spline, Func<ScaledPoint, double> value, int a, int b, bool allowExtrapolation)
    {
        if (Law != ScalingLaw.Product)
        {
            b = a;
        }

        if (!allowExtrapolation && (a < MinBits || a > MaxBits || b < MinBits || b > MaxBits))
        {
            throw new InputException(new InputError(File, Line, 0, Name,
                $"{ScalingLaws.Describe(Law, a, b)} is outside the table's range of {MinBits} to {MaxBits} bits; add points or set allow_extrapolation: true"));
        }

        double size = ScalingLaws.Size(Law, a, b);
        int exact = Array.IndexOf(_sizes, size);

        // At a table point return the stored number itself, so quoted anchors come back unchanged.
        return exact >= 0 ? value(Points[exact]) : Math.Max(0, spline.Interpolate(size));
    }
}
