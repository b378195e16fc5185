using SocialStore.Domain.Data;
using SocialStore.Web.Hosting;

try
{
    var builder = WebApplication.CreateBuilder(CommandLine.ConfigurationArgs(args));
    builder.AddSocialStore();
    var app = builder.Build();
    app.UseSocialStore();
    return await CommandLine.RunAsync(app, args);
}
catch (StartupException ex)
{
    // Configuration and connectivity problems get one clear line, not a stack trace.
    Console.Error.WriteLine($"SocialStore cannot start: {ex.Message}");
    return 1;
}

/// <summary>Lets WebApplicationFactory find the entry point.</summary>
public partial class Program;
