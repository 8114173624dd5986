using System.Collections.Immutable;

namespace QuantSim.Workloads.Traces;

/// <summary>The columns of a QuantSim layer trace (see Workloads/TRACES.md) and which layer kinds use them.</summary>
public static class TraceColumns
{
    public const string Name = "name";
    public const string Kind = "kind";
    public const string InH = "in_h";
    public const string InW = "in_w";
    public const string InC = "in_c";
    public const string KH = "k_h";
    public const string KW = "k_w";
    public const string Filters = "filters";
    public const string StrideH = "stride_h";
    public const string StrideW = "stride_w";
    public const string PadH = "pad_h";
    public const string PadW = "pad_w";
    public const string DilationH = "dilation_h";
    public const string DilationW = "dilation_w";
    public const string Groups = "groups";
    public const string Ceil = "ceil";
    public const string M = "m";
    public const string N = "n";
    public const string K = "k";
    public const string Weights = "weights";
    public const string Bias = "bias";
    public const string Norm = "norm";
    public const string Precision = "precision";

    public const string ConvKind = "conv";
    public const string FullyConnectedKind = "fc";
    public const string GemmKind = "gemm";

    /// <summary>Every column, in the order the writer puts them.</summary>
    public static readonly ImmutableArray<string> All =
    [
        Name, Kind, InH, InW, InC, KH, KW, Filters, StrideH, StrideW, PadH, PadW, DilationH, DilationW, Groups, Ceil,
        M, N, K, Weights, Bias, Norm, Precision,
    ];

    public static readonly ImmutableArray<string> Kinds = [ConvKind, FullyConnectedKind, GemmKind];

    /// <summary>Columns every row of a kind must fill.</summary>
    public static ImmutableArray<string> Required(string kind) => kind switch
    {
        ConvKind => [InH, InW, InC, KH, KW, Filters],
        _ => [M, N, K],
    };

    /// <summary>Columns a kind may fill; any other non-empty cell in its row is an error.</summary>
    public static ImmutableArray<string> Used(string kind) => kind switch
    {
        ConvKind => [Name, Kind, InH, InW, InC, KH, KW, Filters, StrideH, StrideW, PadH, PadW, DilationH, DilationW, Groups, Ceil, Bias, Norm, Precision],
        FullyConnectedKind => [Name, Kind, M, N, K, Bias, Norm, Precision],
        _ => [Name, Kind, M, N, K, Weights, Bias, Norm, Precision],
    };
}
