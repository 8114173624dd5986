using QuantSim.Workloads.Torch.Models;

namespace QuantSim.Workloads.Torch.Training;

/// <summary>Where a long training run keeps its completed epochs, so a stopped run resumes instead of restarting.</summary>
public interface IEpochCheckpoints
{
    /// <summary>Loads the latest saved epoch into <paramref name="network"/>; returns the epochs it completed (0 when none).</summary>
    int Resume(QuantizedNetwork network);

    /// <summary>Saves <paramref name="network"/> after <paramref name="epoch"/> completed epochs.</summary>
    void Save(QuantizedNetwork network, int epoch);

    /// <summary>Removes the saved epochs once the finished network is stored under its own key (they would only take space).</summary>
    void Clear();
}
