using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// One fixed-point quantization variant: the name users put in <c>datapath.kind</c>, the options it
/// accepts and the precisions it supports. Implementations live one per folder under Datapaths/ and
/// are found by <see cref="DatapathRegistry"/>, so adding a variant means adding a folder.
/// </summary>
public interface IDatapath
{
    /// <summary>The name used in configs and on the command line, e.g. <c>lsq</c>.</summary>
    string Name { get; }

    /// <summary>One line: what the variant computes and what hardware it needs.</summary>
    string Summary { get; }

    /// <summary>Variant-specific config keys under <c>datapath:</c>, besides the bit widths.</summary>
    IReadOnlyList<DatapathOption> Options { get; }

    /// <summary>Why this precision cannot run on the variant, or nothing when it can.</summary>
    IEnumerable<PrecisionProblem> CheckPrecision(Precision precision);
}
