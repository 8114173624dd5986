using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace QuantSim.Datapaths.Tests.OnnxRuntimeReference;

/// <summary>Runs a one-input uint8 model in ONNX Runtime's CPU execution provider and returns its uint8 output.</summary>
internal static class OrtRunner
{
    public static byte[] Run(byte[] model, byte[] input, int[] shape)
    {
        // One intra-op thread: the machine is shared, and the integers do not depend on it.
        using var options = new SessionOptions { IntraOpNumThreads = 1, InterOpNumThreads = 1 };
        using var session = new InferenceSession(model, options);
        var tensor = new DenseTensor<byte>(input, shape);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor("x", tensor)]);
        return [.. results.Single().AsTensor<byte>()];
    }
}
