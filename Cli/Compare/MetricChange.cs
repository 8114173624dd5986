namespace QuantSim.Cli.Compare;

/// <summary>One figure in both results: where (a layer or "total"), which metric, old and new value.</summary>
public sealed record MetricChange(string Scope, string Metric, double Old, double New, double Threshold)
{
    /// <summary>(new - old) / |old|; a change from 0 counts as infinite unless both are 0.</summary>
    public double Relative => Old == New ? 0 : Old == 0 ? double.PositiveInfinity : (New - Old) / Math.Abs(Old);

    public bool Exceeds => Math.Abs(Relative) > Threshold;
}
