namespace SocialStore.Domain.Data.Seed.Banks;

/// <summary>Words shared by every subject: places, seasons, audiences, section headings, everyday comments.</summary>
internal static class CommonPhrases
{
    public static readonly City[] Cities =
    [
        new("成都", "Chengdu", "chengdu"), new("大理", "Dali", "dali"), new("杭州", "Hangzhou", "hangzhou"),
        new("厦门", "Xiamen", "xiamen"), new("青岛", "Qingdao", "qingdao"), new("西安", "Xi'an", "xian"),
        new("重庆", "Chongqing", "chongqing"), new("长沙", "Changsha", "changsha"), new("苏州", "Suzhou", "suzhou"),
        new("三亚", "Sanya", "sanya"), new("哈尔滨", "Harbin", "harbin"), new("北京", "Beijing", "beijing"),
        new("上海", "Shanghai", "shanghai"), new("广州", "Guangzhou", "guangzhou"), new("桂林", "Guilin", "guilin"),
        new("京都", "Kyoto", "kyoto"), new("清迈", "Chiang Mai", "chiangmai"), new("首尔", "Seoul", "seoul"),
        new("东京", "Tokyo", "tokyo"), new("新加坡", "Singapore", "singapore"),
    ];

    public static readonly string[] SeasonsZh = ["春日", "夏日", "秋冬", "冬日", "换季"];

    public static readonly string[] SeasonsEn = ["spring", "summer", "autumn", "winter"];

    public static readonly string[] WhoZh = ["学生党", "打工人", "新手", "懒人", "宝妈", "上班族"];

    public static readonly string[] WhoEn = ["students", "beginners", "busy people", "lazy days"];

    public static readonly string[] Prices = ["19.9", "29", "39", "59", "69", "89", "99", "129", "199"];

    public static readonly string[] HeadingsZh = ["我的心得", "重点来了", "划重点", "使用感受", "小结一下", "避坑提醒"];

    public static readonly string[] HeadingsEn = ["What I learned", "The short version", "My notes", "Good to know"];

    public static readonly string[] BulletEmojis = ["✨", "💡", "📌", "🌟", "✅", "👉", "🔸"];

    public static readonly string[] SignOffsZh =
    [
        "有问题评论区见～", "觉得有用就点个赞吧", "喜欢的话收藏慢慢看", "以上纯个人体验，不是广告", "下一篇想看什么告诉我！",
    ];

    public static readonly string[] SignOffsEn = ["Questions welcome below!", "Save it for later ✨", "Not sponsored, just honest."];

    public static readonly string[] CommentsZh =
    [
        "写得好详细，收藏了", "码住！周末试试", "第一张图好好看", "已经下单了哈哈", "蹲一个后续", "太实用了吧",
        "请问在哪里买的呀", "同款同款！", "看完心情都变好了", "博主好会拍", "收藏从未停止，行动从未开始😂", "谢谢分享～",
        "好治愈啊", "这也太可爱了吧", "终于有人说实话了", "学到了学到了", "被种草了🌱", "救命，想要同款", "好喜欢这个配色",
        "细节控狂喜", "说得太对了", "已经转给闺蜜了", "姐妹真的很会生活", "默默点赞", "求出续集！",
    ];

    public static readonly string[] RepliesZh =
    [
        "是的呢～", "哈哈哈同感", "可以的，放心冲", "我也想知道", "+1", "真的！", "我也是这么觉得", "亲测有效",
        "同问", "蹲一个答案", "哈哈哈哈笑死", "一起加油呀",
    ];

    public static readonly string[] AuthorRepliesZh =
    [
        "谢谢喜欢💕", "回头出个详细版！", "可以的～", "感谢宝子的认可～", "在主页合集里哦", "私信你啦", "我也是慢慢摸索出来的",
        "好问题，下一篇写", "哈哈被你发现了",
    ];

    public static readonly string[] CommentsEn =
    [
        "This is so helpful, saving it!", "Love the colours in these", "Where did you get this?", "Adding to my list",
        "Great tips, thank you", "Need a part two!", "Okay this is adorable", "Finally an honest review", "Sent this to my sister",
    ];

    public static readonly string[] RepliesEn = ["Same here!", "Yes, totally!", "Good question", "I want to know too", "Haha exactly"];

    public static readonly string[] AuthorRepliesEn = ["Thank you 💕", "Link is in my profile!", "Part two is coming", "Glad it helped!"];

    public static readonly string[] BoardsZh = ["灵感收集", "以后要看", "生活好物", "周末计划"];

    public static readonly string[] BoardsEn = ["Ideas", "Read later", "Weekend plans"];
}
