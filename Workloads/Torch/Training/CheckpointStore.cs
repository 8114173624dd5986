using System.Security.Cryptography;
using System.Text;
using QuantSim.Workloads.Torch.Data;
using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Training;

/// <summary>
/// Trained networks on disk, named by the SHA-256 of a text that lists everything determining the
/// weights (code version, architecture, dataset integrity, training options, quantization), so a repeated
/// study reuses them and any change of those inputs retrains.
/// </summary>
public sealed class CheckpointStore(DataCache cache)
{
    /// <summary>Bump when float training code changes what a given key would produce.</summary>
    public const string FloatCodeVersion = "quantsim-float-v1";

    /// <summary>Bump when quantization or fine-tuning code changes what a given key would produce.</summary>
    public const string QuantizedCodeVersion = "quantsim-quantized-v2";

    /// <summary>The key for a description (see the type's summary) under a code version.</summary>
    public static string Key(string codeVersion, string description) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(codeVersion + "\n" + description)));

    /// <summary>Architecture text for keys: every layer's shape and options.</summary>
    public static string Describe(ModelArchitecture model) =>
        model.Name + "|" + model.InputChannels + "x" + model.InputSide + "|" + string.Join("|", model.Layers.Select(l => l.Describe()));

    public string PathOf(string key) => Path.Combine(cache.CheckpointFolder, key + ".dat");

    /// <summary>Loads the checkpoint into <paramref name="network"/> if it exists.</summary>
    public bool TryLoad(QuantizedNetwork network, string key)
    {
        string path = PathOf(key);
        if (!File.Exists(path))
        {
            return false;
        }

        network.load(path);
        return true;
    }

    /// <summary>The completed epochs of the run that will be saved under <paramref name="key"/>, next to it.</summary>
    public IEpochCheckpoints Epochs(string key, int epochs) => new EpochFiles(this, key, epochs);

    /// <summary>Saves atomically (write, then rename), so an interrupted run leaves no half checkpoint.</summary>
    public void Save(QuantizedNetwork network, string key)
    {
        Directory.CreateDirectory(cache.CheckpointFolder);
        string path = PathOf(key);
        string partial = path + ".part";
        network.save(partial);
        File.Move(partial, path, overwrite: true);
    }

    private sealed class EpochFiles(CheckpointStore store, string key, int epochs) : IEpochCheckpoints
    {
        public int Resume(QuantizedNetwork network)
        {
            for (int epoch = epochs - 1; epoch >= 1; epoch--)
            {
                if (store.TryLoad(network, Name(epoch)))
                {
                    return epoch;
                }
            }

            return 0;
        }

        public void Save(QuantizedNetwork network, int epoch)
        {
            store.Save(network, Name(epoch));
            if (epoch > 1)
            {
                File.Delete(store.PathOf(Name(epoch - 1)));
            }
        }

        public void Clear()
        {
            for (int epoch = 1; epoch < epochs; epoch++)
            {
                File.Delete(store.PathOf(Name(epoch)));
            }
        }

        private string Name(int epoch) => key + ".epoch" + epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
