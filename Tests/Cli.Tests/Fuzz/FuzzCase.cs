namespace QuantSim.Cli.Tests.Fuzz;

/// <summary>What one fuzz case did: whether its input was accepted, and any contract violations.</summary>
internal sealed record FuzzOutcome(FuzzKind Kind, int Seed, bool Accepted, IReadOnlyList<string> Violations, TimeSpan Elapsed)
{
    /// <summary>A workload too large to simulate in a fuzz case: read, not simulated (see <c>FuzzCase.SimulatedFolds</c>).</summary>
    public bool ReadOnly { get; init; }
}

/// <summary>
/// One mutated input of one kind, run in-process through <see cref="QuantSimApp.Run"/> as the CLI
/// would run it, in a directory of its own. The seed picks the corpus entry and the mutations, so
/// a violation is replayed with <c>QUANTSIM_FUZZ_SEED</c> alone.
/// </summary>
internal sealed class FuzzCase(FuzzCorpus corpus, FuzzKind kind, int seed)
{
    private readonly Mutator _mutator = new(seed);
    private readonly List<string> _violations = [];
    private bool _accepted;
    private bool _readOnly;

    public FuzzOutcome Run(string directory)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Directory.CreateDirectory(directory);
        string output = Path.Combine(directory, "out");
        switch (kind)
        {
            case FuzzKind.Config:
                ConfigRun(Write(directory, "config.yaml", Seed()), output);
                break;
            case FuzzKind.DramSet:
                ConfigRun(Write(directory, "config.yaml", WithDefault("timing: ", Write(directory, "dram.yaml", Seed()))), output);
                break;
            case FuzzKind.CostTable:
                ConfigRun(Write(directory, "config.yaml", WithDefault("cost_table: ", Write(directory, "table.yaml", Seed()))), output);
                break;
            case FuzzKind.Trace:
                SimulateWorkload(output, Write(directory, "trace.csv", Seed()));
                break;
            case FuzzKind.ScaleSimConfig:
                Simulate(output, "--scalesim-config", Write(directory, "scalesim.cfg", Seed()), "--topology", corpus.TinyWorkload);
                break;
            case FuzzKind.ScaleSimTopology:
                string topology = Write(directory, "topology.csv", Seed());
                // SCALE-Sim's exact emulation runs cycle by cycle (a 10^8-MAC layer takes half a minute):
                // one case in four, and only for small workloads, to keep the suite fast.
                if (_mutator.Random.Next(4) == 0 && Macs(topology) < EmulationMacs)
                {
                    Simulate(output, "--scalesim-config", corpus.ScaleSimConfig, "--topology", topology);
                }
                else
                {
                    SimulateWorkload(output, topology);
                }

                break;
            case FuzzKind.ResultFile:
                Compare(Write(directory, "result.json", Seed()));
                break;
            case FuzzKind.SweepArguments:
                Sweep(output);
                break;
        }

        return new FuzzOutcome(kind, seed, _accepted, _violations, clock.Elapsed) { ReadOnly = _readOnly };
    }

    /// <summary>
    /// A config is validated, then simulated: both must keep the contract, and they must agree:
    /// a config validate rejects is rejected by simulate, and one it accepts simulates to a complete
    /// energy report (a one-layer workload, so no buffer or bandwidth limit of the workload is near):
    /// energy.total_pj in result.json, or the energy line on the console.
    /// </summary>
    private void ConfigRun(string config, string output)
    {
        // Against the workload simulate runs, so validate applies every rule simulate does and reports the
        // same accumulator-wrap warnings (a narrow accumulator is a design choice, never a silent one).
        var validate = CliRun.Of("validate", config, "--workload", corpus.TinyWorkload);
        _violations.AddRange(FuzzContract.Check("validate", validate, null));
        bool write = _mutator.Random.Next(4) == 0;
        var simulate = Simulate(output, write, "--config", config, "--workload", corpus.TinyWorkload);
        if (validate.ExitCode == 2 && simulate.ExitCode != 2)
        {
            _violations.Add($"validate rejected the config but simulate exited {simulate.ExitCode}: {validate.Error.Split('\n')[0]}");
        }

        if (validate.ExitCode == 0 && simulate.ExitCode != 0)
        {
            _violations.Add($"validate accepted the config but simulate exited {simulate.ExitCode}: {simulate.Error.Split('\n')[0]}");
        }

        bool complete = simulate.ExitCode != 0 || (write
            ? File.Exists(Path.Combine(output, "result.json")) && File.ReadAllText(Path.Combine(output, "result.json")).Contains("\"total_pj\"", StringComparison.Ordinal)
            : simulate.Output.Contains("energy per inference", StringComparison.Ordinal));
        if (validate.ExitCode == 0 && simulate.ExitCode == 0 && !complete)
        {
            _violations.Add($"validate accepted the config but simulate wrote no complete energy report: {simulate.Error.Split('\n')[0]}");
        }

        if (validate.ExitCode == 0 && simulate.ExitCode == 0 && !Warnings(simulate.Error).SequenceEqual(Warnings(validate.Error)))
        {
            _violations.Add($"simulate warned other than validate did: simulate '{string.Join(" | ", Warnings(simulate.Error))}', validate '{string.Join(" | ", Warnings(validate.Error))}'");
        }
    }

    /// <summary>The lines of <paramref name="stderr"/> that warn (every warning is FILE:LINE:COL: field: warning: ...).</summary>
    private static IEnumerable<string> Warnings(string stderr) =>
        stderr.Split('\n', StringSplitOptions.TrimEntries).Where(l => l.Contains("warning", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// One simulate in four writes its files (the plots cost more than the simulation) and has them
    /// checked; the others have their console tables checked. A config case always writes them.
    /// </summary>
    private CliRun Simulate(string output, params string[] arguments) => Simulate(output, _mutator.Random.Next(4) == 0, arguments);

    private CliRun Simulate(string output, bool write, params string[] arguments)
    {
        var run = CliRun.Of(["simulate", .. arguments, .. write ? new[] { "--out", output } : []]);
        _violations.AddRange(FuzzContract.Check("simulate", run, write ? output : null));
        if (run.ExitCode == 0)
        {
            _accepted = true;
            _violations.AddRange(write ? FuzzContract.CheckFigures("simulate", Path.Combine(output, "result.json")) : FuzzContract.CheckTables("simulate", run.Output));
        }

        return run;
    }

    private void Compare(string mutated)
    {
        // Either side may be the bad one; the threshold is huge so only bad input, never a
        // regression, can end the run with an error.
        bool mutatedFirst = _mutator.Random.Next(2) == 0;
        var run = CliRun.Of("compare", mutatedFirst ? mutated : corpus.BaseResult, mutatedFirst ? corpus.BaseResult : mutated, "--threshold", "1e300");
        _violations.AddRange(FuzzContract.Check("compare", run, null, regressionExitAllowed: true));
        _accepted = run.ExitCode != 2;
    }

    private const long EmulationMacs = 1_000_000;

    /// <summary>
    /// The most folds (on default.yaml's array) a workload case is simulated with. The simulator plans
    /// every fold of a layer before running it: about 17 kB and 1-4 ms a fold here, so a row widened
    /// to a million pixels and repeated 1,000 times (case 11173) is 10^8 folds, days of simulation in
    /// growing gigabytes. Past this budget a case checks the reader's side of the contract alone: the
    /// file is read as --workload reads it (a located InputException or a workload), not simulated.
    /// docs/robustness/README.md, "What the long run found".
    /// </summary>
    private const long SimulatedFolds = 50_000;

    private void SimulateWorkload(string output, string workload)
    {
        long folds;
        try
        {
            var read = QuantSim.Workloads.WorkloadSource.Resolve(workload);
            folds = read.Layers.Sum(l => QuantSim.Simulator.Mapping.DataflowMapper.Map(QuantSim.Simulator.Mapping.GemmLowering.Lower(l, read.Name), corpus.DefaultArray).Folds);
        }
        catch (QuantSim.Input.InputException)
        {
            folds = 0;
        }

        if (folds <= SimulatedFolds)
        {
            Simulate(output, "--config", corpus.DefaultConfig, "--workload", workload);
        }
        else
        {
            _accepted = true;
            _readOnly = true;
        }
    }

    /// <summary>The workload's MACs, or 0 when it does not read (the run then shows why).</summary>
    private static long Macs(string topology)
    {
        try
        {
            return QuantSim.Workloads.Traces.ScaleSimTopologyReader.ReadFile(topology).Macs;
        }
        catch (QuantSim.Input.InputException)
        {
            return 0;
        }
    }

    /// <summary>One or two axes, each a mutated seed axis; the base config and workload are fixed.</summary>
    private void Sweep(string output)
    {
        var seeds = corpus.Seeds[FuzzKind.SweepArguments];
        var arguments = new List<string> { "sweep", "--config", corpus.DefaultConfig, "--workload", corpus.TinyWorkload, "--jobs", "1", "--out", output };
        int axes = 1 + _mutator.Random.Next(2);
        for (int i = 0; i < axes; i++)
        {
            string axis = seeds[_mutator.Random.Next(seeds.Length)];
            string vary = _mutator.Random.Next(4) == 0 ? axis : _mutator.Mutate(axis);
            // Each combination is a full simulation; past 16 values (a line repeated 1,000 times) the
            // case tests nothing more, only slower. The limit itself is tested in Issue16RegressionTests.
            arguments.AddRange(["--vary", string.Join(',', vary.Split(',').Take(16))]);
        }

        var run = CliRun.Of([.. arguments]);
        _violations.AddRange(FuzzContract.Check("sweep", run, output));
        if (run.ExitCode == 0)
        {
            _accepted = true;
            _violations.AddRange(FuzzContract.CheckFigures("sweep", Path.Combine(output, "sweep.json")));
        }
    }

    /// <summary>A corpus entry of this kind, mutated (one case in eight runs it unchanged as a control).</summary>
    private byte[] Seed()
    {
        var seeds = corpus.Seeds[kind];
        byte[] text = System.Text.Encoding.UTF8.GetBytes(seeds[_mutator.Random.Next(seeds.Length)]);
        return _mutator.Random.Next(8) == 0 ? text : _mutator.Mutate(text);
    }

    /// <summary>default.yaml with the value after <paramref name="key"/> replaced by <paramref name="path"/>.</summary>
    private byte[] WithDefault(string key, string path)
    {
        var lines = File.ReadAllLines(corpus.DefaultConfig)
            .Select(l => l.TrimStart().StartsWith(key, StringComparison.Ordinal) ? l[..(l.IndexOf(key, StringComparison.Ordinal) + key.Length)] + path : l);
        return System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }

    private static string Write(string directory, string name, byte[] bytes)
    {
        string path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
