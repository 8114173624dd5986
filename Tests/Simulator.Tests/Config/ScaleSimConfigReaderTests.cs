using QuantSim.Input;
using QuantSim.Simulator.Config;
using QuantSim.Simulator.Config.ScaleSim;

namespace QuantSim.Simulator.Tests.Config;

public sealed class ScaleSimConfigReaderTests
{
    private static string Dir => Path.Combine(TestContext.CurrentContext.TestDirectory, "Config", "ScaleSim");

    private static IEnumerable<string> ShippedConfigs() =>
        Directory.GetFiles(Path.Combine(TestContext.CurrentContext.TestDirectory, "Config", "ScaleSim"), "*.cfg").Order(StringComparer.Ordinal);

    private static IReadOnlyList<string> ErrorsOf(string text)
    {
        var ex = Assert.Throws<InputException>(() => ScaleSimConfigReader.Read("s.cfg", text));
        return ex!.Errors.Select(e => e.ToString()).ToList();
    }

    private static string Tiny => File.ReadAllText(Path.Combine(Dir, "tiny_8x8_os.cfg"));

    [TestCaseSource(nameof(ShippedConfigs))]
    public void Should_Load_Every_Config_SCALE_Sim_Ships_Unchanged(string file)
    {
        var config = ScaleSimConfigReader.ReadFile(file);

        Assert.That(config.Accelerator.Array.Timing, Is.EqualTo(TimingConvention.ScaleSim));
    }

    [Test]
    public void Should_Translate_The_Google_Tpu_Config()
    {
        // google.cfg: 256x256, ws, SRAMs of 6144 / 6144 / 2048 kB of one-byte words, CALC
        var config = ScaleSimConfigReader.ReadFile(Path.Combine(Dir, "a_resnet50_256x256_ws_google__google.cfg"));

        Assert.Multiple(() =>
        {
            Assert.That(config.Accelerator.Name, Is.EqualTo("GoogleTPU_v1_ws"));
            Assert.That(config.Accelerator.Array, Is.EqualTo(new ArrayConfig(256, 256, Dataflow.WeightStationary, TimingConvention.ScaleSim)));
            Assert.That(config.Accelerator.Buffers.Ifmap, Is.EqualTo(new BufferConfig(6144L * 1024, 8, 1)));
            Assert.That(config.Accelerator.Buffers.Ofmap, Is.EqualTo(new BufferConfig(2048L * 1024, 8, 1)));
            Assert.That(config.Accelerator.Dram, Is.EqualTo(new IdealDramConfig()));
            Assert.That(config.BandwidthMode, Is.EqualTo(ScaleSimBandwidthMode.Calc));
            Assert.That(config.FilterOffset, Is.EqualTo(10_000_000));
        });
    }

    [Test]
    public void Should_Turn_User_Bandwidth_Into_A_Pipe_Of_That_Many_Bytes_Per_Cycle()
    {
        var config = ScaleSimConfigReader.ReadFile(Path.Combine(Dir, "tiny_8x8_os_user_bw2_1kB.cfg"));

        Assert.That(config.BandwidthMode, Is.EqualTo(ScaleSimBandwidthMode.User));
        Assert.That(config.Accelerator.Dram, Is.EqualTo(new BandwidthDramConfig(2m, 0, 1)));
        Assert.That(config.Accelerator.Buffers.Filter.CapacityBytes, Is.EqualTo(1024));
    }

    [Test]
    public void Should_Use_Only_The_First_Value_Of_A_Bandwidth_List_As_SCALE_Sim_Does()
    {
        string text = Tiny.Replace("Bandwidth : 10", "Bandwidth : 4,8,16", StringComparison.Ordinal)
            .Replace("InterfaceBandwidth: CALC", "InterfaceBandwidth: USER", StringComparison.Ordinal);

        Assert.That(ScaleSimConfigReader.Read("s.cfg", text).BandwidthWordsPerCycle, Is.EqualTo(4));
    }

    [Test]
    public void Should_Reject_What_SCALE_Sim_Silently_Accepts()
    {
        // An unknown dataflow (SCALE-Sim warns and goes on), a lower-case mode (SCALE-Sim leaves the
        // config invalid without a word), a non-number and a misspelt key, each on its own line
        string text = Tiny.Replace("Dataflow : os", "Dataflow : diagonal", StringComparison.Ordinal)
            .Replace("InterfaceBandwidth: CALC", "InterfaceBandwidth: calc", StringComparison.Ordinal)
            .Replace("ArrayWidth:     8", "ArrayWidth:     eight", StringComparison.Ordinal)
            .Replace("MemoryBanks", "MemoryBank", StringComparison.Ordinal);
        string[] lines = text.Split('\n');
        int LineOf(string start) => Array.FindIndex(lines, l => l.StartsWith(start, StringComparison.Ordinal)) + 1;

        var errors = ErrorsOf(text);

        Assert.That(errors, Is.EquivalentTo(new[]
        {
            $"s.cfg:{LineOf("ArrayWidth")}: architecture_presets.ArrayWidth: expected an integer, got 'eight'",
            $"s.cfg:{LineOf("Dataflow")}: architecture_presets.Dataflow: unknown value 'diagonal'; allowed: os, ws, is",
            $"s.cfg:{LineOf("MemoryBank")}: architecture_presets.memorybank: not a SCALE-Sim v2 setting; read are: [general] run_name, [architecture_presets] arrayheight, [architecture_presets] arraywidth, [architecture_presets] ifmapsramszkb, [architecture_presets] filtersramszkb, [architecture_presets] ofmapsramszkb, [architecture_presets] ifmapoffset, [architecture_presets] filteroffset, [architecture_presets] ofmapoffset, [architecture_presets] dataflow, [architecture_presets] bandwidth, [architecture_presets] memorybanks, [run_presets] interfacebandwidth",
            $"s.cfg:{LineOf("InterfaceBandwidth")}: run_presets.InterfaceBandwidth: unknown value 'calc'; allowed: CALC, USER",
        }));
    }

    [Test]
    public void Should_Report_A_Missing_Array_Size_On_Its_Sections_Header_Line()
    {
        string text = string.Join('\n', Tiny.Split('\n').Where(l => !l.StartsWith("ArrayHeight", StringComparison.Ordinal)));
        int header = Array.FindIndex(text.Split('\n'), l => l.Trim() == "[architecture_presets]") + 1;

        Assert.That(header, Is.GreaterThan(0));
        Assert.That(ErrorsOf(text), Is.EqualTo(new[] { $"s.cfg:{header}: architecture_presets.ArrayHeight: required setting is missing" }));
    }
}
