using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;
using QuantSim.Workloads.Torch.Training;

namespace QuantSim.Workloads.Torch.Tests.Training;

/// <summary>A long run's saved epochs: the latest one resumes, older ones go, and none stays once the run is stored.</summary>
public sealed class EpochCheckpointTests
{
    [Test]
    public void Should_Keep_Only_The_Latest_Epoch_And_None_After_Clear()
    {
        string root = Path.Combine(Path.GetTempPath(), $"quantsim-epochs-{Guid.NewGuid():N}");
        try
        {
            var store = new CheckpointStore(new DataCache(root));
            using var network = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 1);
            var epochs = store.Epochs("run", 4);

            // Given epochs 1 and 2 saved
            epochs.Save(network, 1);
            epochs.Save(network, 2);

            // Then only epoch 2 is on disk, and a new run resumes after it
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(store.PathOf("run"))!).Select(Path.GetFileName), Is.EqualTo(new[] { "run.epoch2.dat" }));
            using var resumed = new QuantizedNetwork(ModelArchitecture.LeNet5, seed: 2);
            Assert.That(epochs.Resume(resumed), Is.EqualTo(2));

            // And once the finished run is stored under its key, its epochs go
            store.Save(network, "run");
            epochs.Clear();
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(store.PathOf("run"))!).Select(Path.GetFileName), Is.EqualTo(new[] { "run.dat" }));
            Assert.That(epochs.Resume(resumed), Is.EqualTo(0));
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, true);
            }
        }
    }
}
