namespace QuantSim.Cli.Tests;

/// <summary>
/// Argument errors of the accuracy commands are caught before anything is trained or downloaded.
/// (Training and integer inference are tested in Tests/Workloads.Torch.Tests.)
/// </summary>
public sealed class AccuracyCommandTests
{
    [TestCase("--model", "resnet", "--model: resnet: unknown model; allowed: lenet5, small-cnn")]
    [TestCase("--dataset", "cifar10", "--dataset: cifar10: unknown dataset; allowed: mnist, fashion-mnist")]
    [TestCase("--datapath", "lsq-plus", "--datapath: lsq-plus: unknown datapath; allowed: fixed-point, lsq, per-channel, scale-offset, mixed-precision, float")]
    [TestCase("--precision", "w4x4", "--precision: w4x4: unknown precision 'w4x4'; expected w<bits>a<bits> or w<bits>a<bits>acc<bits>, e.g. w8a8 or w4a4acc16")]
    public void Should_Exit_2_On_An_Unknown_Name(string option, string value, string message)
    {
        var run = CliRun.Of("accuracy", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith(message));
    }

    [TestCase("--qat-lr", "0", "--qat-lr: must be a positive number, got 0")]
    [TestCase("--qat-lr", "-0.5", "--qat-lr: must be a positive number, got -0.5")]
    [TestCase("--qat-images", "0", "--qat-images: must be at least 1, got 0")]
    [TestCase("--qat-epochs", "0", "--qat-epochs: must be at least 1, got 0")]
    public void Should_Exit_2_On_A_Fine_Tuning_Setting_That_Trains_Nothing(string option, string value, string message)
    {
        var run = CliRun.Of("accuracy", option, value);

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith(message));
    }

    [Test]
    public void Should_Exit_2_On_A_Precision_The_Plug_In_Cannot_Run()
    {
        // Given the bit-composable mixed-precision PE, which runs 2, 4, 8 or 16 bits only
        var run = CliRun.Of("accuracy", "--datapath", "mixed-precision", "--precision", "w3a3");

        // Then nothing is trained and the message names the layer and the rule
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("--precision: w3a3: weight bits must be one of 2, 4, 8, 16, got 3 (mixed-precision)"));
    }

    [Test]
    public void Should_Exit_2_On_The_Float_Baseline_Which_Quantizes_Nothing()
    {
        // Given the floating-point datapath, whose integer inference would need float stages between layers
        var run = CliRun.Of("accuracy", "--datapath", "float");

        // Then nothing is trained and the message says where its accuracy comes from
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("--datapath: float/fp16: the floating-point datapath quantizes nothing and has no integer inference here; score the float network in its format with --float-only"));
    }

    [Test]
    public void Should_Exit_2_On_A_Layer_Bits_Trace_That_Is_Not_The_Model()
    {
        // Given a trace whose fc1 has 100 outputs (line 5) and whose fc2 has no bits (line 6)
        string trace = Path.Combine(TestContext.CurrentContext.TestDirectory, "Fixtures", "accuracy", "lenet5-bad.csv");

        var run = CliRun.Of("accuracy", "--datapath", "mixed-precision", "--layer-bits", trace);

        // Then nothing is trained and each problem names the file, line and layer
        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.Contain($"{trace}:5: fc1: shape differs from lenet5's fc1"));
        Assert.That(run.Error, Does.Contain($"{trace}:6: fc2.precision: every layer needs its bits for training"));
    }

    [Test]
    public void Should_Exit_2_When_Layer_Bits_Meet_First_Last_Bits()
    {
        var run = CliRun.Of("accuracy", "--layer-bits", "any.csv", "--first-last-bits", "8");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("--layer-bits: any.csv: the trace gives every layer its bits; leave out --first-last-bits"));
    }

    [Test]
    public void Should_Exit_2_When_Asked_To_Fetch_An_Unknown_Dataset()
    {
        var run = CliRun.Of("data", "fetch", "imagenet");

        Assert.That(run.ExitCode, Is.EqualTo(2));
        Assert.That(run.Error, Does.StartWith("--dataset: imagenet: unknown dataset"));
    }

    [Test]
    public void Should_Score_The_Configs_Datapath_With_Each_Trace_Layers_Own_Accumulator()
    {
        // Given edge-16x16 (per-channel, 32-bit accumulator) and a LeNet-5 trace whose conv2 is w4a4acc16
        string dir = Path.Combine(Path.GetTempPath(), $"quantsim-acc16-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            string trace = Path.Combine(dir, "lenet5-acc16.csv");
            File.WriteAllText(trace, string.Join('\n',
                "name,kind,in_h,in_w,in_c,k_h,k_w,filters,pad_h,pad_w,m,n,k,bias,precision",
                "conv1,conv,28,28,1,5,5,6,2,2,,,,1,w8a8",
                "conv2,conv,14,14,6,5,5,16,0,0,,,,1,w4a4acc16",
                "fc1,fc,,,,,,,,,1,120,400,1,w4a4",
                "fc2,fc,,,,,,,,,1,84,120,1,w4a4",
                "fc3,fc,,,,,,,,,1,10,84,1,w8a8") + "\n");

            // When scored from the config (the same trace simulates on it too)
            var run = CliRun.Of("accuracy", "--config", "edge-16x16", "--layer-bits", trace, "--train-images", "600", "--test-images", "100", "--out", Path.Combine(dir, "out"));
            var simulate = CliRun.Of("simulate", "--config", "edge-16x16", "--workload", trace);

            // Then the config's variant ran every layer at the trace's precision, conv2 with a 16-bit accumulator
            Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
            Assert.That(simulate.ExitCode, Is.EqualTo(0), simulate.Error);
            using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "out", "accuracy.json")));
            var root = json.RootElement;
            var accumulators = root.GetProperty("layer_bits").EnumerateArray().Select(l => l.GetProperty("accumulator_bits").GetInt32()).ToList();
            Assert.Multiple(() =>
            {
                Assert.That(root.GetProperty("variant").GetString(), Is.EqualTo("per-channel"));
                Assert.That(accumulators, Is.EqualTo(new[] { 32, 16, 32, 32, 32 }));
            });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
