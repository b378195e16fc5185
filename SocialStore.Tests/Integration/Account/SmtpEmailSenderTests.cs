using System.Text.RegularExpressions;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SocialStore.Domain.Data;
using SocialStore.Tests.Infrastructure;
using SocialStore.Web.Hosting;

namespace SocialStore.Tests.Integration.Account;

/// <summary>ADR-030: with Email:Smtp configured the account emails go through a real SMTP server, in the person's language.</summary>
public sealed partial class SmtpEmailSenderTests(SmtpTestServer smtp) : IClassFixture<SmtpTestServer>
{
    [SmtpTheory]
    [InlineData("zh-CN", "确认你的 SocialStore 账号")]
    [InlineData("en-US", "Confirm your SocialStore account")]
    public async Task Register_SmtpConfigured_ConfirmationMailArrivesInTheLanguageWithAWorkingLink(string culture, string subject)
    {
        await using var app = new AppFactory();
        app.Settings["Email:Smtp:Host"] = "127.0.0.1";
        app.Settings["Email:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        app.Settings["Email:Smtp:StartTls"] = "false";
        app.Settings["Email:Smtp:From"] = "SocialStore <no-reply@socialstore.test>";
        using var client = AccountTestClient.Create(app, culture);
        var email = AccountTestClient.NewEmail("smtp");

        var registered = await client.RegisterAsync(email);

        Assert.Equal("/Account/RegisterConfirmation", registered.Path);
        var message = await smtp.WaitForMessageToAsync(email);
        Assert.Equal(subject, message.Subject);
        Assert.Equal("no-reply@socialstore.test", Assert.Single(message.From.Mailboxes).Address);
        var link = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(link.Success, $"No link in:\n{message.TextBody}");
        var html = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(message.HtmlBody ?? "");
        Assert.Equal(link.Value, html.QuerySelector("a")?.GetAttribute("href"));
        var confirmed = await client.GetAsync(link.Value);
        Assert.Equal("/Account/ConfirmEmail", confirmed.Path);
        Assert.NotNull(confirmed.Document.QuerySelector("[data-testid=continue-to-login]"));
        Assert.Equal("/", (await client.LoginAsync(email, TestAccounts.Password)).Path);
    }

    [Fact]
    public void SmtpSettings_NoHost_IsNull()
    {
        Assert.Null(SmtpSettings.Read(Configuration(new() { ["Email:Smtp:From"] = "a@b.test" })));
    }

    [Fact]
    public void SmtpSettings_HostOnly_StartTlsOnPort587()
    {
        var settings = SmtpSettings.Read(Configuration(new() { ["Email:Smtp:Host"] = "mail.example.test", ["Email:Smtp:From"] = "Shop <shop@example.test>" }));

        Assert.NotNull(settings);
        Assert.Equal(587, settings.Port);
        Assert.Equal(SecureSocketOptions.StartTls, settings.Security);
        Assert.Null(settings.User);
        Assert.Equal("shop@example.test", settings.From.Address);
    }

    [Fact]
    public void SmtpSettings_UseTls_TlsOnConnectOnPort465()
    {
        var settings = SmtpSettings.Read(Configuration(new()
        {
            ["Email:Smtp:Host"] = "mail.example.test",
            ["Email:Smtp:UseTls"] = "true",
            ["Email:Smtp:From"] = "shop@example.test",
            ["Email:Smtp:User"] = "shop",
            ["Email:Smtp:Password"] = "pw",
        }));

        Assert.NotNull(settings);
        Assert.Equal(465, settings.Port);
        Assert.Equal(SecureSocketOptions.SslOnConnect, settings.Security);
        Assert.Equal("shop", settings.User);
    }

    [Theory]
    [InlineData("true", "true", "shop@example.test", null, "UseTls")]
    [InlineData(null, null, "", null, "From")]
    [InlineData(null, null, "not an address", null, "From")]
    [InlineData(null, null, "shop@example.test", "shop", "Password")]
    public void SmtpSettings_HalfDone_StopsStartUpNamingTheSetting(string? useTls, string? startTls, string from, string? user, string named)
    {
        var configuration = Configuration(new()
        {
            ["Email:Smtp:Host"] = "mail.example.test",
            ["Email:Smtp:UseTls"] = useTls,
            ["Email:Smtp:StartTls"] = startTls,
            ["Email:Smtp:From"] = from,
            ["Email:Smtp:User"] = user,
        });

        var error = Assert.Throws<StartupException>(() => SmtpSettings.Read(configuration));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnWhenLogOnly_ProductionWithoutSmtp_Warns()
    {
        var log = new ListLogger();
        var none = new ServiceCollection().BuildServiceProvider();
        var configured = new ServiceCollection().AddSingleton(SmtpSettings.Read(Configuration(new()
        {
            ["Email:Smtp:Host"] = "mail.example.test",
            ["Email:Smtp:From"] = "shop@example.test",
        }))!).BuildServiceProvider();

        Assert.False(EmailHosting.WarnWhenLogOnly(none, Environment("Development"), log));
        Assert.False(EmailHosting.WarnWhenLogOnly(configured, Environment("Production"), log));
        Assert.Empty(log.Entries);
        Assert.True(EmailHosting.WarnWhenLogOnly(none, Environment("Production"), log));
        var warning = Assert.Single(log.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Email:Smtp", warning.Message, StringComparison.Ordinal);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static Microsoft.Extensions.Hosting.IHostEnvironment Environment(string name) =>
        new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { EnvironmentName = name };

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex LinkPattern();

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception)));
    }
}
