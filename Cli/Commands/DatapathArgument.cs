using QuantSim.Datapaths.Contract;
using QuantSim.Input;
using QuantSim.Workloads.Layers;

namespace QuantSim.Cli.Commands;

/// <summary>
/// <c>--datapath KIND[:KEY=VALUE,...]</c>, e.g. <c>scale-offset:form=folded,weights=asymmetric</c>:
/// resolved against the registry into the same <see cref="DatapathChoice"/> the config reader makes, so
/// a variant chosen on the command line is checked by the same rules as one chosen in a config.
/// </summary>
public static class DatapathArgument
{
    /// <summary>
    /// Resolves <paramref name="text"/> at <paramref name="precision"/>; errors name <paramref name="option"/>,
    /// or <paramref name="precisionOption"/> (when given) for bit widths the variant refuses.
    /// </summary>
    public static DatapathChoice Resolve(string text, DatapathRegistry registry, Precision precision, string option = "--datapath", string? precisionOption = null)
    {
        string kind = text;
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            kind = text[..colon];
            foreach (string pair in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                string[] parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[0].Length == 0 || !options.TryAdd(parts[0], parts[1]))
                {
                    throw new InputException(new InputError(option, 0, 0, text, $"'{pair}' is not KEY=VALUE (or the key is given twice); expected KIND[:KEY=VALUE,...], e.g. scale-offset:form=folded"));
                }
            }
        }

        if (!registry.TryGet(kind, out var datapath))
        {
            throw new InputException(new InputError(option, 0, 0, kind, $"unknown datapath; allowed: {string.Join(", ", registry.Names)}"));
        }

        // A floating-point PE's widths are its formats' (w16a16acc32 for fp16 x fp32): the precision inherited
        // from a quantized config does not apply to it, one the user gave does (and is checked).
        if (precisionOption is null)
        {
            precision = DatapathChoice.FixedPrecision(datapath, options) ?? precision;
        }

        var problems = new List<DatapathProblem>();
        return DatapathChoice.TryResolve(datapath, options, precision, problems)
               ?? throw new InputException([.. problems.Select(p => IsPrecision(p) && precisionOption is not null
                   ? new InputError(precisionOption, 0, 0, precision.Spec, p.Message)
                   : new InputError(option, 0, 0, p.Field, p.Message))]);
    }

    private static bool IsPrecision(DatapathProblem p) =>
        p.Field is DatapathProblem.WeightBits or DatapathProblem.ActivationBits or DatapathProblem.AccumulatorBits;
}
