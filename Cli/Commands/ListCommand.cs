using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using QuantSim.Cli.Catalog;
using QuantSim.Datapaths.Contract;
using QuantSim.Datapaths.Hardware;
using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Workloads.Layers;
using Spectre.Console;

namespace QuantSim.Cli.Commands;

/// <summary><c>quantsim list configs|datapaths</c>: what is built in.</summary>
public static class ListCommand
{
    public static Command Create(CliConsole console)
    {
        var list = new Command("list", "Show the built-in accelerator configs, workloads and datapath variants");
        var configs = new Command("configs", "Built-in accelerator configs (accel-configs/*.yaml)");
        configs.SetAction(_ => ListConfigs(console));
        var datapaths = new Command("datapaths", "Quantization datapath variants and their config options");
        var detail = new Option<bool>("--detail") { Description = "Print each variant's per-MAC, per-output and per-layer hardware inventory" };
        var precision = new Option<string>("--precision")
        {
            Description = "Precision for --detail as w<weight bits>a<activation bits>, e.g. w8a8 or w4a4",
            DefaultValueFactory = _ => "w8a8",
        };
        var accumulator = new Option<int>("--accumulator-bits") { Description = "Accumulator width for --detail", DefaultValueFactory = _ => 32 };
        datapaths.Options.Add(detail);
        datapaths.Options.Add(precision);
        datapaths.Options.Add(accumulator);
        datapaths.SetAction(r => r.GetValue(detail)
            ? ListDatapathDetail(console, r.GetValue(precision)!, r.GetValue(accumulator))
            : ListDatapaths(console));
        list.Subcommands.Add(configs);
        list.Subcommands.Add(datapaths);
        return list;
    }

    private static int ListConfigs(CliConsole console)
    {
        var table = new Table().AddColumns("name", "array", "dataflow", "clock MHz", "datapath", "description");
        foreach (string file in BuiltInConfigs.Files)
        {
            // Built-in configs are validated by tests; a broken one here is a packaging bug, not user input.
            var c = AcceleratorConfigReader.Default.ReadFile(file);
            table.AddRow(
                Markup.Escape(Path.GetFileNameWithoutExtension(file)),
                $"{c.Array.Rows}x{c.Array.Cols}",
                Names.Of(c.Array.Dataflow),
                c.ClockMhz.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape($"{c.Datapath.Kind} {c.Datapath.Precision.Name}"),
                Markup.Escape(c.Description));
        }

        if (table.Rows.Count == 0)
        {
            throw new InputException(new InputError(BuiltInConfigs.Directory, 0, 0, string.Empty, "no built-in configs found next to the executable"));
        }

        console.Out.Write(table);
        return ExitCodes.Success;
    }

    private static int ListDatapaths(CliConsole console)
    {
        var table = new Table().AddColumns("kind", "summary", "options (default first)");
        foreach (var datapath in DatapathRegistry.Default.All)
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

    /// <summary>One inventory table per variant and option combination at the requested precision.</summary>
    private static int ListDatapathDetail(CliConsole console, string precisionName, int accumulatorBits)
    {
        var match = Regex.Match(precisionName, "^w([0-9]{1,2})a([0-9]{1,2})$", RegexOptions.CultureInvariant);
        if (!match.Success)
        {
            throw new InputException(new InputError("command line", 0, 0, "--precision", $"expected w<bits>a<bits> such as w8a8, got '{precisionName}'"));
        }

        var precision = new Precision(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
            accumulatorBits);
        foreach (var datapath in DatapathRegistry.Default.All)
        {
            foreach (var options in OptionCombinations(datapath.Options))
            {
                string title = options.Count == 0
                    ? $"{datapath.Name} at {precision}"
                    : $"{datapath.Name} ({string.Join(", ", options.Select(o => $"{o.Key}: {o.Value}"))}) at {precision}";
                var problems = datapath.CheckPrecision(precision).ToList();
                if (problems.Count > 0)
                {
                    console.Out.MarkupLine(Markup.Escape($"{title}: not supported: {string.Join("; ", problems.Select(p => p.Message))}"));
                    continue;
                }

                var settings = DatapathSettings.Resolve(datapath, options.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal));
                var inventory = datapath.Inventory(precision, settings);
                var table = new Table { Title = new TableTitle(Markup.Escape(title)) }.AddColumns("section", "item", "width", "count", "note");
                foreach (var row in InventoryTable.Rows(inventory))
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
