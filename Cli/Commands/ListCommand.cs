using System.CommandLine;
using QuantSim.Cli.Catalog;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads;
using QuantSim.Workloads.Layers;
using QuantSim.Workloads.Onnx;
using QuantSim.Workloads.Zoo;
using Spectre.Console;

namespace QuantSim.Cli.Commands;

/// <summary><c>quantsim list configs|datapaths</c>: what is built in.</summary>
public static class ListCommand
{
    public static Command Create(CliConsole console, DatapathRegistry registry)
    {
        var list = new Command("list", "Show the built-in accelerator configs, workloads and datapath variants");
        var configs = new Command("configs", "Built-in accelerator configs (accel-configs/*.yaml)");
        configs.SetAction(_ => ListConfigs(console, registry));
        var datapaths = new Command("datapaths", "Quantization datapath variants and their config options");
        var detail = new Option<bool>("--detail") { Description = "Print each variant's per-MAC, per-output and per-layer hardware inventory" };
        var precision = new Option<string>("--precision")
        {
            Description = "Precision for --detail: w<weight bits>a<activation bits>[acc<bits>], e.g. w8a8 or w4a4acc24",
            DefaultValueFactory = _ => "w8a8",
        };
        datapaths.Options.Add(detail);
        datapaths.Options.Add(precision);
        datapaths.SetAction(r => r.GetValue(detail) ? ListDatapathDetail(console, registry, r.GetValue(precision)!) : ListDatapaths(console, registry));
        var workloads = new Command("workloads", "Built-in model zoo workloads with layers, MACs and parameters; with a FILE (ONNX model or trace), that workload's layers");
        var file = new Argument<string?>("FILE") { Description = "An ONNX model (.onnx), SCALE-Sim topology or QuantSim trace to describe layer by layer", Arity = ArgumentArity.ZeroOrOne };
        workloads.Arguments.Add(file);
        workloads.SetAction(r => r.GetValue(file) is { } path ? DescribeWorkload(console, path) : ListWorkloads(console));
        list.Subcommands.Add(configs);
        list.Subcommands.Add(datapaths);
        list.Subcommands.Add(workloads);
        return list;
    }

    private static int ListConfigs(CliConsole console, DatapathRegistry registry)
    {
        var table = new Table().AddColumns("name", "array", "dataflow", "clock MHz", "datapath", "description");
        foreach (string file in BuiltInConfigs.Files)
        {
            // Built-in configs are validated by tests; a broken one here is a packaging bug, not user input.
            var c = new AcceleratorConfigReader(registry).ReadFile(file);
            table.AddRow(
                Markup.Escape(Path.GetFileNameWithoutExtension(file)),
                $"{c.Array.Rows}x{c.Array.Cols}",
                Names.Of(c.Array.Dataflow),
                c.ClockMhz.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape($"{c.Datapath.Label} {c.Datapath.Precision.Name}"),
                Markup.Escape(c.Description));
        }

        if (table.Rows.Count == 0)
        {
            throw new InputException(new InputError(BuiltInConfigs.Directory, 0, 0, string.Empty, "no built-in configs found next to the executable"));
        }

        console.Out.Write(table);
        return ExitCodes.Success;
    }

    private static int ListDatapaths(CliConsole console, DatapathRegistry registry)
    {
        var table = new Table().AddColumns("kind", "summary", "options (default first)");
        foreach (var datapath in registry.All)
        {
            string options = datapath.Options.Count == 0
                ? "-"
                : string.Join("\n", datapath.Options.Select(o =>
                    $"{o.Key}: {string.Join("|", o.Allowed.OrderBy(v => v == o.Default ? 0 : 1))}"));
            table.AddRow(Markup.Escape(datapath.Name), Markup.Escape(datapath.Summary), Markup.Escape(options));
        }

        console.Out.Write(table);
        return ExitCodes.Success;
    }

    private static int ListWorkloads(CliConsole console)
    {
        var table = new Table().AddColumns("name", "description", "layers", "MACs", "parameters");
        foreach (int column in new[] { 2, 3, 4 })
        {
            table.Columns[column].RightAligned();
        }

        foreach (var model in ModelZoo.All)
        {
            var workload = model.Build();
            table.AddRow(
                Markup.Escape(model.Name),
                Markup.Escape(model.Description),
                workload.Layers.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                workload.Macs.ToString("N0", System.Globalization.CultureInfo.InvariantCulture),
                workload.Parameters.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }

        console.Out.Write(table);
        console.Out.WriteLine("A zoo name, an ONNX model (.onnx) or a path to a SCALE-Sim topology or QuantSim trace .csv works wherever a workload is asked for; `list workloads FILE` describes one.");
        return ExitCodes.Success;
    }

    /// <summary>
    /// One file's layers as simulate reads them; for an ONNX model also which node each layer came
    /// from, how it was quantized, the operators that do no MACs and the importer's notes.
    /// </summary>
    private static int DescribeWorkload(CliConsole console, string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new InputException(new InputError(path, 0, 0, "FILE", "no such file; give an ONNX model (.onnx), a SCALE-Sim topology or a QuantSim trace"));
        }

        OnnxImport? onnx = WorkloadSource.IsOnnx(path) ? OnnxModelReader.ReadFile(path) : null;
        var workload = onnx?.Workload ?? WorkloadSource.ReadFile(path);
        var origins = onnx?.Origins.ToDictionary(o => o.Layer, StringComparer.Ordinal);
        var table = new Table().AddColumns("layer", "shape", "MACs", "parameters", "precision");
        table.Columns[2].RightAligned();
        table.Columns[3].RightAligned();
        if (origins is not null)
        {
            table.AddColumns("ONNX node", "quantization");
        }

        foreach (var layer in workload.Layers)
        {
            var cells = new List<string>
            {
                layer.Name, Shape(layer), Number(layer.Macs), Number(layer.Parameters), layer.Precision?.Spec ?? "config",
            };
            if (origins is not null && origins.TryGetValue(layer.Name, out var origin))
            {
                cells.Add($"{origin.Node} ({origin.OpType})");
                cells.Add(origin.Quantization.Length == 0 ? "float" : origin.Quantization);
            }

            table.AddRow([.. cells.Select(Markup.Escape)]);
        }

        console.Out.Write(table);
        console.Out.WriteLine($"{workload.Name}: {workload.Layers.Length} layers, {Number(workload.Macs)} MACs, {Number(workload.Parameters)} parameters");
        if (onnx is not null)
        {
            string others = onnx.OperatorsWithoutMacs.Length == 0 ? "none" : string.Join(", ", onnx.OperatorsWithoutMacs.Select(o => $"{o.OpType} x {o.Count}"));
            console.Out.WriteLine($"Operators without MACs (not simulated): {others}");
            foreach (string note in onnx.Notes)
            {
                console.Out.WriteLine($"Note: {note}");
            }
        }

        return ExitCodes.Success;
    }

    private static string Number(long value) => value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);

    private static string Shape(Layer layer) => layer switch
    {
        ConvLayer c => $"conv {c.InputHeight}x{c.InputWidth}x{c.InputChannels}, {c.KernelHeight}x{c.KernelWidth}/{c.StrideH}, {c.Filters} filters{(c.Groups > 1 ? $", groups {c.Groups}" : string.Empty)} -> {c.OutputHeight}x{c.OutputWidth}",
        FullyConnectedLayer f => $"fc {f.InputFeatures} -> {f.OutputFeatures}{(f.Batch > 1 ? $", batch {f.Batch}" : string.Empty)}",
        GemmLayer g => $"gemm {g.M}x{g.K} by {g.K}x{g.N}{(g.WeightsAreParameters ? string.Empty : ", activations")}",
        _ => layer.GetType().Name,
    };

    /// <summary>One inventory table per variant and combination of hardware options at the requested precision.</summary>
    private static int ListDatapathDetail(CliConsole console, DatapathRegistry registry, string precisionName)
    {
        if (!Precision.TryParse(precisionName, out var parsed, out string error))
        {
            throw new InputException(new InputError("command line", 0, 0, "--precision", error));
        }

        var precision = parsed!;
        foreach (var datapath in registry.All)
        {
            // Options a form ignores (dequant_bits outside the dequantize forms) give the same inventory again:
            // each distinct inventory is listed once, under the first combination that produces it.
            var listed = new HashSet<string>(StringComparer.Ordinal);
            // Numerics-only options (rounding) leave the inventory as it is: one table serves all their values.
            foreach (var options in OptionCombinations([.. datapath.Options.Where(o => o.ChangesHardware)]))
            {
                var values = options.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal);
                // A float form runs at its formats' widths only: it is listed there, whatever --precision says.
                var at = DatapathChoice.FixedPrecision(datapath, values) ?? precision;
                string title = options.Count == 0
                    ? $"{datapath.Name} at {at}"
                    : $"{datapath.Name} ({string.Join(", ", options.Select(o => $"{o.Key}: {o.Value}"))}) at {at}";
                var problems = new List<DatapathProblem>();
                var choice = DatapathChoice.TryResolve(datapath, values, at, problems);
                if (choice is null)
                {
                    if (!listed.Add(string.Join("; ", problems.Select(p => p.Message))))
                    {
                        continue;
                    }

                    console.Out.MarkupLine(Markup.Escape($"{title}: not supported: {string.Join("; ", problems.Select(p => p.Message))}"));
                    continue;
                }

                var inventory = choice.Inventory();
                var rows = InventoryTable.Rows(inventory);
                if (!listed.Add(string.Join("\n", rows.Select(r => $"{r.Section}|{r.Item}|{r.Width}|{r.Count}|{r.Note}"))))
                {
                    continue;
                }

                var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumns("section", "item", "width", "count", "note");
                foreach (var row in rows)
                {
                    table.AddRow(Markup.Escape(row.Section), Markup.Escape(row.Item), Markup.Escape(row.Width), Markup.Escape(row.Count), Markup.Escape(row.Note));
                }

                console.Out.Write(table);
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Every combination of option values, keys and values in declaration order.</summary>
    private static IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> OptionCombinations(IReadOnlyList<DatapathOption> options)
    {
        IEnumerable<IReadOnlyList<KeyValuePair<string, string>>> combinations = [[]];
        foreach (var option in options)
        {
            combinations = combinations.SelectMany(c => option.Allowed.Select(v => (IReadOnlyList<KeyValuePair<string, string>>)[.. c, new(option.Key, v)])).ToList();
        }

        return combinations;
    }
}
