using Microsoft.AspNetCore.Identity;
using SocialStore.Domain.Identity;

namespace SocialStore.Web.Hosting;

/// <summary>
/// There is no mail server (<c>Email:Smtp:Host</c> is empty, see <see cref="SmtpEmailSender"/>): messages are logged. In Development the confirmation and reset
/// pages also show the link (see ADR-007), but only to the browser that registered or asked and
/// only on this machine (Components/Account/DevLinks.cs).
/// </summary>
public sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink)
    {
        logger.LogInformation("Email to {Email}: confirm your account: {Link}", email, confirmationLink);
        return Task.CompletedTask;
    }

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink)
    {
        logger.LogInformation("Email to {Email}: reset your password: {Link}", email, resetLink);
        return Task.CompletedTask;
    }

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode)
    {
        logger.LogInformation("Email to {Email}: password reset code {Code}", email, resetCode);
        return Task.CompletedTask;
    }
}
