using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Starmap.Silo.History;
using Xunit;

namespace Starmap.Storage.Tests.History;

/// <summary>Starmap:History:Retention binds, defaults to 400 days, and a bad value fails naming the key.</summary>
public sealed class HistoryOptionsTests
{
    private static HistoryOptions Read(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddOptions<HistoryOptions>().BindConfiguration(HistoryOptions.Section);
        services.AddSingleton<IValidateOptions<HistoryOptions>, HistoryOptionsValidator>();
        return services.BuildServiceProvider().GetRequiredService<IOptions<HistoryOptions>>().Value;
    }

    [Fact]
    public void The_retention_is_400_days_unless_configured()
    {
        Assert.Equal(TimeSpan.FromDays(400), Read().Retention);
        Assert.Equal(TimeSpan.FromDays(30), Read(("Starmap:History:Retention", "30.00:00:00")).Retention);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("40000.00:00:00")]
    public void A_retention_that_is_not_positive_or_too_long_fails_naming_the_key(string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Read(("Starmap:History:Retention", value)));

        Assert.Contains("Starmap:History:Retention", failure.Message, StringComparison.Ordinal);
    }
}
