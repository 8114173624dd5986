using QuantSim.Datapaths.Hardware;
using QuantSim.Datapaths.Numerics;
using QuantSim.Workloads.Layers;

namespace QuantSim.Datapaths.Contract;

/// <summary>
/// The datapath an accelerator is built with, resolved once: the plug-in object, its checked
/// settings and the default precision (layers may bring their own). Config reader, command-line
/// overrides, study and sweep all make one through <see cref="TryResolve"/>; everything downstream
/// (simulator, activity counter, pricing, accuracy) takes this object and never looks a name up again.
/// </summary>
public sealed record DatapathChoice
{
    private DatapathChoice(IDatapath datapath, DatapathSettings settings, Precision precision)
    {
        Datapath = datapath;
        Settings = settings;
        Precision = precision;
    }

    public IDatapath Datapath { get; }

    public DatapathSettings Settings { get; }

    /// <summary>The precision of layers that do not carry their own.</summary>
    public Precision Precision { get; }

    /// <summary>
    /// <c>accumulator_bits: auto</c>: every layer without its own precision gets the accumulator its dot
    /// products need (<see cref="AccumulatorSizing"/>, no 32-bit cap, at most 64) instead of
    /// <see cref="Precision"/>'s width, which the config-level checks still use. A layer with its own
    /// precision (a trace's) keeps it as written.
    /// </summary>
    public bool SizesAccumulators { get; init; }

    /// <summary>The precision <paramref name="layer"/> runs at: its own, else the configured one (accumulator sized when asked).</summary>
    public Precision For(Layer layer) => layer.Precision ?? Sized(Precision, GemmView.Of(layer).K);

    /// <summary>
    /// The one per-layer accumulator rule of a design: operands <paramref name="operands"/> over a
    /// <paramref name="reductionLength"/>-term dot product get the accumulator <c>auto</c> sizes, or keep
    /// their width when the choice has a fixed one. The simulator (<see cref="For"/>) and the accuracy path
    /// (the integer kernels of every layer) both call it, so accuracy and energy describe one design.
    /// </summary>
    public Precision Sized(Precision operands, int reductionLength) =>
        SizesAccumulators
            ? operands with { AccumulatorBits = AccumulatorSizing.Needed(Datapath, Settings, operands, reductionLength) }
            : operands;

    public string Name => Datapath.Name;

    /// <summary>
    /// How reports name the choice: the plug-in's study form with these settings (e.g.
    /// <c>scale-offset/folded</c>), else the name with the options that differ from their defaults.
    /// </summary>
    public string Label
    {
        get
        {
            foreach (var form in Datapath.StudyForms)
            {
                var formSettings = DatapathSettings.TryResolve(Datapath, form.Options, []);
                if (Settings.Equals(formSettings))
                {
                    return form.Label;
                }
            }

            var changed = Datapath.Options.Where(o => Settings[o.Key] != o.Default).Select(o => $"{o.Key}={Settings[o.Key]}").ToList();
            return changed.Count == 0 ? Name : $"{Name}({string.Join(",", changed)})";
        }
    }

    /// <summary>
    /// What determines the integers this choice computes: the name and the options that change
    /// numerics, for caches of trained networks (hardware-only forms share one; an option whose values
    /// fall into numerics classes names the class, see <see cref="DatapathOption.NumericsClass"/>).
    /// </summary>
    public string NumericsKey =>
        string.Join(',', [Name, .. Datapath.Options.Select(o => (o.Key, Class: o.NumericsClass(Settings[o.Key]))).Where(o => o.Class is not null).Select(o => $"{o.Key}={o.Class}")]);

    /// <summary>
    /// The choice of <paramref name="datapath"/> with <paramref name="options"/> (defaults for the rest) at
    /// <paramref name="precision"/>, or null with every problem (unknown option or value, a precision the
    /// variant cannot run) added to <paramref name="problems"/>, each naming its key under <c>datapath:</c>.
    /// </summary>
    public static DatapathChoice? TryResolve(
        IDatapath datapath, IReadOnlyDictionary<string, string>? options, Precision precision, List<DatapathProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(datapath);
        ArgumentNullException.ThrowIfNull(problems);
        int before = problems.Count;
        var settings = DatapathSettings.TryResolve(datapath, options, problems);
        var precisionProblems = settings is null ? datapath.CheckPrecision(precision) : datapath.CheckPrecision(precision, settings);
        problems.AddRange(precisionProblems.Select(p => p with { Message = $"{p.Message} ({datapath.Name})" }));
        return settings is not null && problems.Count == before ? new DatapathChoice(datapath, settings, precision) : null;
    }

    /// <summary>
    /// The one precision <paramref name="datapath"/> with <paramref name="options"/> runs at when its options fix
    /// one (<see cref="IDatapath.FixedPrecision"/>: the float baseline), else null; options that do not resolve
    /// give null too, for <see cref="TryResolve"/> to report.
    /// </summary>
    public static Precision? FixedPrecision(IDatapath datapath, IReadOnlyDictionary<string, string>? options) =>
        DatapathSettings.TryResolve(datapath, options, []) is { } settings ? datapath.FixedPrecision(settings) : null;

    /// <summary><see cref="TryResolve"/> for values a program chose (study forms, tests): a problem is a bug there.</summary>
    public static DatapathChoice Of(IDatapath datapath, Precision precision, IReadOnlyDictionary<string, string>? options = null)
    {
        var problems = new List<DatapathProblem>();
        return TryResolve(datapath, options, precision, problems)
            ?? throw new ArgumentException($"{datapath.Name} at {precision}: {string.Join("; ", problems.Select(p => $"{p.Field}: {p.Message}"))}", nameof(options));
    }

    /// <summary>The same plug-in and settings at another default precision, or null with the problems.</summary>
    public DatapathChoice? TryWith(Precision precision, List<DatapathProblem> problems) =>
        TryResolve(Datapath, Settings.Values, precision, problems) is { } choice ? choice with { SizesAccumulators = SizesAccumulators } : null;

    /// <summary>Why a layer's precision cannot run on this choice, or nothing when it can.</summary>
    public IEnumerable<DatapathProblem> CheckPrecision(Precision precision) => Datapath.CheckPrecision(precision, Settings);

    public DatapathQuantizers Quantizers(Precision precision) => Datapath.Quantizers(precision, Settings);

    /// <summary>The hardware at <paramref name="precision"/> (the default precision when null).</summary>
    public HardwareInventory Inventory(Precision? precision = null) => Datapath.Inventory(precision ?? Precision, Settings);

    public IntegerKernel CreateKernel(LayerQuantization quantization, int[,] weights, Precision precision) =>
        Datapath.CreateKernel(quantization, weights, precision, Settings);

    public override string ToString() => $"{Label} {Precision}";
}
