using QuantSim.Workloads.Torch.Accuracy;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Quantization;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Workloads.Torch.Tests.Accuracy;

/// <summary>
/// The whole pipeline at CI size: LeNet-5 trained on 3,000 MNIST images for one epoch, fine-tuned on
/// 1,000, scored on the first 1,000 test images, with checkpoints in a temporary cache shared by the
/// fixture (the float network is trained once).
/// </summary>
public sealed class AccuracyRunnerTests
{
    private DataCache _checkpoints = null!;

    [OneTimeSetUp]
    public void CreateCache() => _checkpoints = new(Directory.CreateTempSubdirectory("quantsim-checkpoints").FullName);

    private static AccuracyOptions Small(string variant, int bits, DataCache checkpoints) =>
        new(ModelArchitecture.LeNet5, DatasetName.Mnist, Variants.Config(variant, bits))
        {
            FloatTraining = new TrainingOptions(1, 32, 3e-3, 1) { TrainImages = 3000 },
            Qat = new TrainingOptions(1, 64, 1e-2, 1) { TrainImages = 1000 },
            TestImages = 1000,
            CheckpointCache = checkpoints,
        };

    [Test]
    public void Should_Train_Quantize_And_Agree_On_The_Integer_Datapath_Then_Reuse_The_Checkpoints()
    {
        var runner = new AccuracyRunner();
        DataCache checkpoints = _checkpoints;
        var stages = new List<string>();

        // When LSQ w4a4 is measured twice with the same options
        AccuracyResult first = runner.Run(Small("lsq", 4, checkpoints), new SynchronousProgress(p => stages.Add(p.Stage)));
        AccuracyResult second = runner.Run(Small("lsq", 4, checkpoints));

        Assert.Multiple(() =>
        {
            // Then training worked: 94 Adam steps take LeNet-5 well past 75 % (chance is 10 %; measured 0.9 range)
            Assert.That(first.Float.Value, Is.GreaterThan(0.75));
            Assert.That(first.Integer.Value, Is.GreaterThan(0.75));
            // the integer datapath predicts like the fake-quantized network on at least 99.5 % of the images
            Assert.That(first.Agreement, Is.GreaterThanOrEqualTo(0.995));
            Assert.That(first.Integer.Lower95, Is.LessThan(first.Integer.Value));
            Assert.That(first.FloatImagesTrained, Is.EqualTo(3000).Or.EqualTo(0)); // 0 when the other test trained it first
            Assert.That(first.QatImagesTrained, Is.EqualTo(1000));
            Assert.That(stages, Does.Contain("quantization-aware training").And.Contain("integer inference"));
            // and the second run trains nothing and measures the same
            Assert.That(second.FloatImagesTrained + second.QatImagesTrained, Is.Zero);
            Assert.That(second.Integer, Is.EqualTo(first.Integer));
            Assert.That(second.FakeQuantized, Is.EqualTo(first.FakeQuantized));
        });
    }

    [Test]
    public void Should_Make_Two_Bit_Fine_Tuning_Beat_Two_Bit_Post_Training_Quantization()
    {
        var runner = new AccuracyRunner();
        DataCache checkpoints = _checkpoints;

        // Given the same float network, quantized to w2a2 (inner layers) by calibration only, and with fine-tuning
        AccuracyResult ptq = runner.Run(Small("lsq", 2, checkpoints) with { PostTrainingOnly = true });
        AccuracyResult qat = runner.Run(Small("lsq", 2, checkpoints));

        // Then fine-tuning recovers accuracy that calibration alone loses
        Assert.That(qat.Integer.Value, Is.GreaterThan(ptq.Integer.Value + 0.02));
    }

    [Test]
    public void Should_Fine_Tune_Another_Qat_Seed_From_The_Same_Float_Checkpoint()
    {
        var runner = new AccuracyRunner();

        // Given LSQ w3a3 (a cell no other test of the fixture trains) fine-tuned with QAT seeds 1 and 2 (the float
        // recipe and its seed unchanged)
        AccuracyResult one = runner.Run(Small("lsq", 3, _checkpoints));
        var twoOptions = Small("lsq", 3, _checkpoints) with { Qat = Small("lsq", 3, _checkpoints).Qat with { Seed = 2 } };
        AccuracyResult two = runner.Run(twoOptions);

        // Then both start from one float checkpoint (the second trains no float images) but are different
        // quantized networks: another key, and other images right or wrong on the integer datapath
        Assert.That(two.FloatCheckpoint, Is.EqualTo(one.FloatCheckpoint));
        Assert.That(two.FloatImagesTrained, Is.Zero);
        Assert.That(two.Float, Is.EqualTo(one.Float));
        Assert.That(two.QuantizedCheckpoint, Is.Not.EqualTo(one.QuantizedCheckpoint));
        Assert.That(two.IntegerCorrect, Is.Not.EqualTo(one.IntegerCorrect));
    }

    [Test]
    public void Should_Calibrate_On_Images_The_Qat_Seed_Chooses_From_The_Fine_Tuning_Images()
    {
        var options = Small("lsq", 4, _checkpoints) with { CalibrationImages = 256 };
        int[] seed1 = AccuracyRunner.CalibrationIndices(options, 60_000);
        int[] seed1Again = AccuracyRunner.CalibrationIndices(options, 60_000);
        int[] seed2 = AccuracyRunner.CalibrationIndices(options with { Qat = options.Qat with { Seed = 2 } }, 60_000);
        int[] otherFloatSeed = AccuracyRunner.CalibrationIndices(options with { FloatTraining = options.FloatTraining with { Seed = 9 } }, 60_000);

        // 256 distinct images among the 1,000 the fine-tuning uses, the same for the same QAT seed whatever the
        // float seed, other images for another QAT seed
        Assert.That(seed1, Has.Length.EqualTo(256).And.All.InRange(0, 999));
        Assert.That(seed1.Distinct().Count(), Is.EqualTo(256));
        Assert.That(seed1Again, Is.EqualTo(seed1));
        Assert.That(otherFloatSeed, Is.EqualTo(seed1));
        Assert.That(seed2, Is.Not.EqualTo(seed1));
        // The first images the fine-tuning's first epoch visits (its first four batches of 64)
        Assert.That(seed1, Is.EqualTo(Trainer.FirstEpochOrder(1000, 1)[..256]));
        // And the quantized checkpoint key follows the QAT seed, post-training quantization included
        var ptq = options with { PostTrainingOnly = true };
        string floatKey = AccuracyRunner.FloatKey(options);
        Assert.That(AccuracyRunner.QuantizedKey(ptq with { Qat = ptq.Qat with { Seed = 2 } }, floatKey), Is.Not.EqualTo(AccuracyRunner.QuantizedKey(ptq, floatKey)));
        Assert.That(AccuracyRunner.FloatKey(options with { Qat = options.Qat with { Seed = 2 } }), Is.EqualTo(floatKey));
    }

    [Test]
    public void Should_Train_Identical_Weights_From_The_Same_Seed()
    {
        // Given two networks trained on the same 256 images from the same seed
        var (train, _) = new DatasetLoader(DataCache.Default()).Load(DatasetName.Mnist);
        var options = new TrainingOptions(1, 32, 1e-3, 5) { TrainImages = 256 };
        using var a = new QuantizedNetwork(ModelArchitecture.LeNet5, 5);
        using var b = new QuantizedNetwork(ModelArchitecture.LeNet5, 5);
        Trainer.Train(a, train, options, sgd: false, "a");
        Trainer.Train(b, train, options, sgd: false, "b");

        // Then every weight is bit-identical
        for (int i = 0; i < ModelArchitecture.LeNet5.Layers.Length; i++)
        {
            Assert.That(a.Weight(i).data<float>().ToArray(), Is.EqualTo(b.Weight(i).data<float>().ToArray()), $"layer {i}");
        }
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the reports in order and complete.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
