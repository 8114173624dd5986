namespace QuantSim.Energy.Model;

/// <summary>
/// How energies are held so that breakdowns add up exactly. Every unit cost from the table (a
/// double, possibly from an interpolation) is rounded once to 1e-6 pJ (one attojoule) and stored
/// as a <see cref="decimal"/>. From then on energy = integer count x decimal unit cost and all sums
/// are decimal additions, which are exact for these magnitudes (28 significant digits: a count of
/// 1e15 times 1e6 pJ with six decimals still fits), so the per-component energies of a report add
/// up to its total to the last digit, in any order.
/// </summary>
public static class EnergyUnits
{
    /// <summary>Decimal places of pJ kept: 6, i.e. a resolution of 1e-6 pJ.</summary>
    public const int Decimals = 6;

    public static decimal Resolution { get; } = 0.000001m;

    public static decimal Round(double pj)
    {
        if (!double.IsFinite(pj) || pj < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pj), pj, "An energy must be finite and not negative.");
        }

        // Dividing by 1.000... drops trailing zeros, so 130.000000 prints as 130 whatever path produced it.
        return decimal.Round((decimal)pj, Decimals, MidpointRounding.ToEven) / 1.000000000000000000000000000000000m;
    }
}
