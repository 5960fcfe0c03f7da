namespace Starmap.Deploy.Tests;

/// <summary>Every YAML file under deploy/ parses, each document of multi-document streams included.</summary>
public sealed class YamlTests
{
    public static TheoryData<string> Files => new(Repo.DeployFiles().Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Files))]
    public void Parses_into_non_empty_documents(string file)
    {
        var documents = Yaml.LoadFile(file);
        Assert.NotEmpty(documents);
        Assert.All(documents, d => Assert.NotEmpty(d.Map()));
        if (file.StartsWith(Kubernetes.Folder + "/", StringComparison.Ordinal) && !file.EndsWith("kustomization.yaml", StringComparison.Ordinal))
        {
            Assert.All(documents, d =>
            {
                Assert.False(string.IsNullOrEmpty(d.At("apiVersion").Str()), $"{file}: a document without apiVersion");
                Assert.False(string.IsNullOrEmpty(d.At("kind").Str()), $"{file}: a document without kind");
                Assert.False(string.IsNullOrEmpty(d.At("metadata", "name").Str()), $"{file}: a document without a name");
            });
        }
    }

    [Fact]
    public void The_loader_rejects_malformed_YAML_and_reads_every_document_of_a_stream()
    {
        Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => Yaml.LoadAll("a: b: c"));
        Assert.ThrowsAny<YamlDotNet.Core.YamlException>(() => Yaml.LoadAll("a:\n  - 1\n b: 2"));
        // YamlDotNet reports an unclosed flow sequence at the end of the text as InvalidOperationException.
        Assert.ThrowsAny<Exception>(() => Yaml.LoadAll("a: [1, 2\nb: c"));
        Assert.Equal(3, Yaml.LoadAll("a: 1\n---\nb: 2\n---\nc: 3\n").Count);
        Assert.Equal("x", Yaml.LoadAll("base: &b\n  v: x\nuse:\n  <<: *b\n").Single().At("use", "v").Str());
    }
}
