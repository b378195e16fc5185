using System.Net;
using System.Text.Encodings.Web;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using MimeKit;
using SocialStore.Domain.Data;
using SocialStore.Domain.Identity;

namespace SocialStore.Web.Hosting;

/// <summary>The <c>Email:Smtp</c> section. Without a <see cref="Host"/> there is no mail server and messages are only logged.</summary>
public sealed record SmtpSettings(string Host, int Port, SecureSocketOptions Security, string? User, string? Password, MailboxAddress From)
{
    public const string Section = "Email:Smtp";

    /// <summary>The settings, or null when <c>Email:Smtp:Host</c> is empty; a half-done configuration stops start-up.</summary>
    public static SmtpSettings? Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var host = section["Host"];
        if (string.IsNullOrWhiteSpace(host)) return null;
        var useTls = section.GetValue("UseTls", false);
        var startTls = section.GetValue("StartTls", !useTls);
        if (useTls && startTls)
            throw new StartupException($"{Section}: UseTls (TLS from the first byte, usually port 465) and StartTls (upgrade after connecting, usually port 587) exclude each other; set one.");
        var port = section.GetValue("Port", useTls ? 465 : startTls ? 587 : 25);
        if (port is < 1 or > 65535) throw new StartupException($"{Section}:Port must be between 1 and 65535, not {port}.");
        var user = section["User"];
        var password = section["Password"];
        if (!string.IsNullOrEmpty(user) && string.IsNullOrEmpty(password))
            throw new StartupException($"{Section}:User is set but {Section}:Password is empty.");
        if (!MailboxAddress.TryParse(section["From"] ?? "", out var from) || string.IsNullOrEmpty(from.Address) || !from.Address.Contains('@'))
            throw new StartupException($"{Section}:From must be the sender's address (for example \"SocialStore <no-reply@example.com>\"), not '{section["From"]}'.");
        var security = useTls ? SecureSocketOptions.SslOnConnect : startTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None;
        return new SmtpSettings(host.Trim(), port, security, string.IsNullOrEmpty(user) ? null : user, password, from);
    }
}

/// <summary>
/// Sends the account emails through an SMTP server (MailKit), in the language of the request that caused them
/// (the current UI culture: the person's choice or their browser's). A server that fails is logged, not thrown:
/// the account already exists, and the person can ask for the email again (ADR-030).
/// </summary>
public sealed class SmtpEmailSender(SmtpSettings settings, IStringLocalizer<AccountResource> text, ILogger<SmtpEmailSender> logger)
    : IEmailSender<ApplicationUser>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // Identity's pages hand over links already HTML-encoded (for an HTML body); the text part gets them decoded.
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendLinkAsync(email, "Mail.Confirm", confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendLinkAsync(email, "Mail.Reset", resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode)
    {
        var intro = text["Mail.ResetCode.Intro"].Value;
        var ignore = text["Mail.Ignore"].Value;
        var body = new BodyBuilder
        {
            TextBody = $"{intro}\n\n{resetCode}\n\n{ignore}\n",
            HtmlBody = $"<p>{Html(intro)}</p><p><strong>{Html(resetCode)}</strong></p><p>{Html(ignore)}</p>",
        };
        return SendAsync(email, text["Mail.ResetCode.Subject"].Value, body, CancellationToken.None);
    }

    private Task SendLinkAsync(string email, string kind, string htmlEncodedLink)
    {
        var intro = text[kind + ".Intro"].Value;
        var ignore = text["Mail.Ignore"].Value;
        var link = WebUtility.HtmlDecode(htmlEncodedLink);
        var body = new BodyBuilder
        {
            TextBody = $"{intro}\n\n{link}\n\n{ignore}\n",
            HtmlBody = $"<p>{Html(intro)}</p><p><a href=\"{Html(link)}\">{Html(text[kind + ".Action"].Value)}</a></p><p>{Html(link)}</p><p>{Html(ignore)}</p>",
        };
        return SendAsync(email, text[kind + ".Subject"].Value, body, CancellationToken.None);
    }

    private async Task SendAsync(string email, string subject, BodyBuilder body, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(settings.From);
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        message.Body = body.ToMessageBody();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var client = new SmtpClient { Timeout = (int)Timeout.TotalMilliseconds };
            await client.ConnectAsync(settings.Host, settings.Port, settings.Security, timeout.Token);
            if (settings.User is not null)
                await client.AuthenticateAsync(settings.User, settings.Password ?? "", timeout.Token);
            await client.SendAsync(message, timeout.Token);
            await client.DisconnectAsync(quit: true, timeout.Token);
            logger.LogInformation("Email '{Subject}' sent to {Email} through {Host}:{Port}.", subject, email, settings.Host, settings.Port);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException
                                       or MailKit.CommandException or AuthenticationException or SslHandshakeException
                                       or OperationCanceledException)
        {
            logger.LogError(ex, "Email '{Subject}' to {Email} could not be sent through {Host}:{Port}.", subject, email, settings.Host, settings.Port);
        }
    }

    private static string Html(string value) => HtmlEncoder.Default.Encode(value);
}

public static class EmailHosting
{
    /// <summary>SMTP when <c>Email:Smtp:Host</c> is set; otherwise the log (and, in Development, the pages' links).</summary>
    public static IServiceCollection AddSocialStoreEmail(this IServiceCollection services, IConfiguration configuration)
    {
        if (SmtpSettings.Read(configuration) is { } smtp)
        {
            services.AddSingleton(smtp);
            services.AddSingleton<IEmailSender<ApplicationUser>, SmtpEmailSender>();
        }
        else
        {
            services.AddSingleton<IEmailSender<ApplicationUser>, LoggingEmailSender>();
        }
        return services;
    }

    /// <summary>Outside Development, an app without SMTP says at start-up that account emails only reach the log. True when it warned.</summary>
    public static bool WarnWhenLogOnly(IServiceProvider services, IHostEnvironment environment, ILogger logger)
    {
        if (environment.IsDevelopment() || services.GetService<SmtpSettings>() is not null) return false;
        logger.LogWarning(
            "No mail server: {Section}:Host is not set, so confirmation and password-reset emails are only written to the log "
            + "and nobody can confirm an account or reset a password. Configure {Section} (Host, Port, UseTls or StartTls, User, Password, From).",
            SmtpSettings.Section, SmtpSettings.Section);
        return true;
    }
}
