namespace Starmap.Deploy.Tests;

/// <summary>deploy/README.md describes every file in deploy/.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void Every_deploy_file_is_named_in_the_deploy_README()
    {
        var readme = Repo.Read("deploy/README.md");
        var missing = Repo.DeployFiles().Select(f => f["deploy/".Length..])
            .Where(f => f != "README.md" && !readme.Contains($"`{f}`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "not in deploy/README.md: " + string.Join(", ", missing));
        Assert.Contains("`../.dockerignore`", readme, StringComparison.Ordinal);
    }
}
