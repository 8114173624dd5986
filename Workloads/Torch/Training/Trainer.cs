using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace QuantSim.Workloads.Torch.Training;

/// <summary>
/// Trains a <see cref="QuantizedNetwork"/> with cross-entropy: Adam for float training, SGD with momentum
/// for quantization-aware fine-tuning. Deterministic on CPU: the shuffle comes from a seeded
/// <see cref="Random"/> and the initial weights from the network's own seed.
/// </summary>
public static class Trainer
{
    /// <summary>Trains in place; returns the number of images processed (for throughput).</summary>
    /// <remarks>
    /// <c>epochs</c>, when given, is where completed epochs are saved and resumed from: a run that was stopped restarts after
    /// its last saved epoch (weights and batch-norm statistics restored, the learning-rate schedule advanced
    /// to that point; the optimizer's momentum starts afresh).
    /// </remarks>
    public static long Train(QuantizedNetwork network, ImageSet train, TrainingOptions options, bool sgd, string stage,
        IProgress<TrainingProgress>? progress = null, CancellationToken cancel = default, IEpochCheckpoints? epochs = null)
    {
        int count = Math.Min(options.TrainImages ?? train.Count, train.Count);
        int stepsPerEpoch = (count + options.BatchSize - 1) / options.BatchSize;
        long totalSteps = (long)stepsPerEpoch * options.Epochs;
        optim.Optimizer optimizer = sgd || options.FloatSgd
            ? optim.SGD(network.parameters(), options.LearningRate, momentum: 0.9, weight_decay: options.WeightDecay)
            : optim.Adam(network.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var schedule = optim.lr_scheduler.CosineAnnealingLR(optimizer, (int)Math.Max(1, totalSteps));
        int done = epochs?.Resume(network) ?? 0;
        for (long s = 0; s < (long)done * stepsPerEpoch; s++)
        {
            schedule.step();
        }

        network.train();
        long images = 0;
        for (int epoch = done; epoch < options.Epochs; epoch++)
        {
            int[] order = EpochOrder(count, options.Seed, epoch);
            var augment = options.Augment ? new Data.Augmentation(options.Seed * 104729 + epoch) : null;
            for (int start = 0; start < count; start += options.BatchSize)
            {
                cancel.ThrowIfCancellationRequested();
                int size = Math.Min(options.BatchSize, count - start);
                double loss;
                using (NewDisposeScope())
                {
                    var (x, y) = train.Batch(order.AsSpan(start, size), augment);
                    optimizer.zero_grad();
                    Tensor l = F.cross_entropy(network.forward(x), y);
                    l.backward();
                    optimizer.step();
                    schedule.step();
                    loss = l.item<float>();
                }

                images += size;
                progress?.Report(new TrainingProgress(stage, epoch + 1, options.Epochs, start + size, count, loss));
            }

            if (epochs is not null && epoch + 1 < options.Epochs)
            {
                network.eval();
                epochs.Save(network, epoch + 1);
                network.train();
            }
        }

        network.eval();
        return images;
    }

    /// <summary>
    /// The class TorchSharp predicts for each of the first <paramref name="count"/> images, in the network's
    /// own precision (see <see cref="QuantizedNetwork.UseDoublePrecision"/>).
    /// </summary>
    public static int[] Predict(QuantizedNetwork network, ImageSet images, int? count = null, int batchSize = 500)
    {
        int n = Math.Min(count ?? images.Count, images.Count);
        var predictions = new int[n];
        network.eval();
        using var noGrad = no_grad();
        for (int start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            int size = Math.Min(batchSize, n - start);
            Tensor classes = network.forward(images.ImagesTensor(start, size)).argmax(1);
            long[] values = classes.data<long>().ToArray();
            for (int i = 0; i < size; i++)
            {
                predictions[start + i] = (int)values[i];
            }
        }

        return predictions;
    }

    /// <summary>The order in which epoch 0 of a run with <paramref name="seed"/> visits the first <paramref name="count"/> images.</summary>
    public static int[] FirstEpochOrder(int count, int seed) => EpochOrder(count, seed, 0);

    private static int[] EpochOrder(int count, int seed, int epoch) => Permutation(count, unchecked(seed * 7919 + epoch));

    /// <summary>Fisher-Yates over 0..n-1 from a seeded generator.</summary>
    internal static int[] Permutation(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        return order;
    }
}
