using System.Text.Json;

namespace QuantSim.Cli.Tests;

public sealed class SimulateCommandTests
{
    private static string TempDir() => Path.Combine(Path.GetTempPath(), $"quantsim-sim-{Guid.NewGuid():N}");

    [Test]
    public void Should_Write_The_Same_Bytes_For_The_Same_Inputs()
    {
        string a = TempDir(), b = TempDir();
        try
        {
            var first = CliRun.Of("simulate", "--workload", "lenet5", "--out", a);
            var second = CliRun.Of("simulate", "--workload", "lenet5", "--out", b);

            Assert.That(first.ExitCode, Is.EqualTo(0), first.Error);
            Assert.That(second.ExitCode, Is.EqualTo(0), second.Error);
            Assert.That(File.ReadAllBytes(Path.Combine(b, "result.json")), Is.EqualTo(File.ReadAllBytes(Path.Combine(a, "result.json"))));
            Assert.That(File.ReadAllBytes(Path.Combine(b, "layers.csv")), Is.EqualTo(File.ReadAllBytes(Path.Combine(a, "layers.csv"))));
        }
        finally
        {
            Directory.Delete(a, true);
            Directory.Delete(b, true);
        }
    }

    [Test]
    public void Should_Run_The_Float_Baseline_At_Its_Own_Widths_With_Twice_The_Traffic_Of_8_Bit_Codes()
    {
        string fp16 = TempDir(), lsq = TempDir();
        try
        {
            // Given the default config (lsq at w8a8) with its datapath replaced by the float baseline, no precision given
            var run = CliRun.Of("simulate", "--workload", "lenet5", "--datapath", "float", "--out", fp16);
            var reference = CliRun.Of("simulate", "--workload", "lenet5", "--out", lsq);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(reference.ExitCode, Is.EqualTo(0), reference.Error);

            // Then it runs at fp16's widths, not the config's 8 bits
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(fp16, "result.json")));
            using var lsqJson = JsonDocument.Parse(File.ReadAllText(Path.Combine(lsq, "result.json")));
            var datapath = json.RootElement.GetProperty("config").GetProperty("datapath");
            Assert.That(datapath.GetProperty("precision").GetString(), Is.EqualTo("w16a16"));
            Assert.That(datapath.GetProperty("accumulator_bits").GetInt32(), Is.EqualTo(32));

            // And every operand it moves is 16 bits where LSQ's is 8: the same words, twice the DRAM bytes each way
            var dram = json.RootElement.GetProperty("totals").GetProperty("dram");
            var lsqDram = lsqJson.RootElement.GetProperty("totals").GetProperty("dram");
            Assert.That(dram.GetProperty("bytes_read").GetInt64(), Is.EqualTo(2 * lsqDram.GetProperty("bytes_read").GetInt64()));
            Assert.That(dram.GetProperty("bytes_written").GetInt64(), Is.EqualTo(2 * lsqDram.GetProperty("bytes_written").GetInt64()));
        }
        finally
        {
            Directory.Delete(fp16, true);
            Directory.Delete(lsq, true);
        }
    }

    [Test]
    public void Should_Write_A_Versioned_Result_Whose_Totals_Are_The_Sums_Of_Its_Layers()
    {
        string dir = TempDir();
        try
        {
            var run = CliRun.Of("simulate", "--workload", "lenet5", "--config", "edge-16x16", "--out", dir);
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);

            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "result.json")));
            var root = json.RootElement;
            var totals = root.GetProperty("totals");
            var layers = root.GetProperty("layers").EnumerateArray().ToList();

            Assert.Multiple(() =>
            {
                Assert.That(root.GetProperty("schema").GetString(), Is.EqualTo("quantsim.result/3"));
                Assert.That(layers, Has.Count.EqualTo(5));
                Assert.That(layers.Select(l => l.GetProperty("name").GetString()), Is.All.Not.Empty);
                Assert.That(totals.GetProperty("cycles").GetInt64(), Is.EqualTo(layers.Sum(l => l.GetProperty("cycles").GetInt64())));
                Assert.That(totals.GetProperty("compute_cycles").GetInt64(), Is.EqualTo(layers.Sum(l => l.GetProperty("compute_cycles").GetInt64())));
                Assert.That(totals.GetProperty("stall_cycles").GetInt64(), Is.EqualTo(layers.Sum(l => l.GetProperty("stall_cycles").GetInt64())));
                // LeNet-5 as counted by the zoo tests: 416,520 MACs
                Assert.That(totals.GetProperty("macs").GetInt64(), Is.EqualTo(416_520));
                Assert.That(layers.All(l => l.GetProperty("sram").GetProperty("ifmap_reads").GetInt64() > 0));
            });
            Assert.That(File.ReadAllLines(Path.Combine(dir, "layers.csv")), Has.Length.EqualTo(6));

            // Energy: components add up to the total exactly, per layer and overall (decimal pJ)
            var energy = root.GetProperty("energy");
            decimal total = energy.GetProperty("total_pj").GetDecimal();
            Assert.That(energy.GetProperty("components_pj").EnumerateObject().Sum(c => c.Value.GetDecimal()), Is.EqualTo(total));
            Assert.That(layers.Sum(l => l.GetProperty("energy_pj").GetProperty("total").GetDecimal()), Is.EqualTo(total));
            foreach (var layer in layers)
            {
                var parts = layer.GetProperty("energy_pj").EnumerateObject().Where(c => c.Name != "total").Sum(c => c.Value.GetDecimal());
                Assert.That(parts, Is.EqualTo(layer.GetProperty("energy_pj").GetProperty("total").GetDecimal()));
            }

            Assert.That(root.GetProperty("priced").GetProperty("area_mm2").GetDouble(), Is.GreaterThan(0));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Should_Run_The_Default_Config_On_The_Default_Workload()
    {
        var run = CliRun.Of("simulate", "--workload", "lenet5");

        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        Assert.That(run.Output, Does.StartWith("lenet5 on default: 32x32 os").And.Contain("total"));
    }

    [TestCase("--workload", "resnet-51", "resnet-51: no zoo workload or file of that name")]
    [TestCase("--config", "tpu-v9", "tpu-v9: --config: no such file and no built-in config of that name")]
    [TestCase("--datapath", "lsq-plus", "--datapath: lsq-plus: unknown datapath; allowed: fixed-point, lsq, per-channel, scale-offset, mixed-precision, float")]
    public void Should_Exit_2_With_One_Clear_Line_On_Unknown_Names(string option, string value, string message)
    {
        string dir = TempDir();

        string[] workload = option == "--workload" ? [] : ["--workload", "lenet5"];
        var run = CliRun.Of(["simulate", .. workload, option, value, "--out", dir]);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith(message));
        Assert.That(Directory.Exists(dir), Is.False, "nothing written that looks like a result");
    }

    [Test]
    public void Should_Reject_A_Fidelity_That_Does_Not_Exist()
    {
        var run = CliRun.Of("simulate", "--fidelity", "rtl");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain("rtl"));
    }

    [Test]
    public void Should_Exit_2_When_A_Buffer_Cannot_Hold_One_Folds_Stationary_Tile()
    {
        // Given the 32x32 default switched to weight stationary with a 1 KiB filter buffer: the config
        // reader accepts it (it holds whole 256-bit words), but a 32x32 tile of 8-bit weights needs
        // 1024 bytes and half of the double-buffered buffer holds 512
        string dir = Path.Combine(Path.GetTempPath(), $"quantsim-small-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path.Combine(dir, "dram"));
        foreach (string set in Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "accel-configs", "dram")))
        {
            File.Copy(set, Path.Combine(dir, "dram", Path.GetFileName(set)));
        }

        string yaml = File.ReadAllText(CliRun.BuiltIn("default"))
            .Replace("dataflow: os", "dataflow: ws", StringComparison.Ordinal)
            .Replace("  filter:\n    capacity_kib: 256", "  filter:\n    capacity_kib: 1", StringComparison.Ordinal);
        string config = Path.Combine(dir, "small.yaml");
        File.WriteAllText(config, yaml);
        try
        {
            var run = CliRun.Of("simulate", "--config", config, "--workload", "lenet5");

            Assert.That(run.ExitCode, Is.EqualTo(2));
            int line = Array.FindIndex(yaml.Split('\n'), l => l == "    capacity_kib: 1") + 1;
            Assert.That(line, Is.GreaterThan(0));
            Assert.That(run.Error, Does.StartWith($"{config}:{line}:19: buffers.filter.capacity_kib: a fold needs 1024 bytes of stationary weights (32x32 tile) at w8a8, but half of the double-buffered filter buffer holds 512 bytes; allowed: at least 2 KiB"));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Test]
    public void Should_Exit_2_On_A_Bad_SCALE_Sim_Config()
    {
        string cfg = Path.Combine(Path.GetTempPath(), $"quantsim-bad-{Guid.NewGuid():N}.cfg");
        File.WriteAllText(cfg, "[architecture_presets]\nArrayHeight: 8\nArrayWidth: 8\nIfmapSramSzkB: 1\nFilterSramSzkB: 1\nOfmapSramSzkB: 1\nDataflow : zz\n[run_presets]\nInterfaceBandwidth: CALC\n");
        try
        {
            var run = CliRun.Of("simulate", "--scalesim-config", cfg, "--workload", "lenet5");

            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.StartWith($"{cfg}:7: architecture_presets.Dataflow: unknown value 'zz'; allowed: os, ws, is"));
        }
        finally
        {
            File.Delete(cfg);
        }
    }

    [Test]
    public void Should_Exit_2_With_File_Line_And_Column_On_A_Bad_Trace()
    {
        // Given a QuantSim trace whose second layer has a non-number width (line 4: header is line 2)
        string trace = Path.Combine(Path.GetTempPath(), $"quantsim-trace-{Guid.NewGuid():N}.csv");
        File.WriteAllText(trace, "# two convs\nname,kind,in_h,in_w,in_c,k_h,k_w,filters\nc1,conv,8,8,3,3,3,4\nc2,conv,6,six,4,3,3,4\n");
        try
        {
            var run = CliRun.Of("simulate", "--workload", trace);

            Assert.That(run.ExitCode, Is.EqualTo(2));
            Assert.That(run.Error, Does.StartWith($"{trace}:4: in_w: expected an integer, got 'six'"));
        }
        finally
        {
            File.Delete(trace);
        }
    }
}
