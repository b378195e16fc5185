using SocialStore.Domain.Data.Seed.Art;

namespace SocialStore.Domain.Data.Seed.Banks;

internal static partial class TopicBank
{
    private static readonly TopicTheme Travel = new()
    {
        Slug = "travel",
        Zh = "旅行",
        En = "travel",
        Emojis = ["✈️", "🏝️", "🗺️", "⛰️", "🏯", "🌅", "🚄"],
        Palettes =
        [
            new("#e0f7fa", "#b2ebf2", "#00a6a6", "#0b3c49"),
            new("#fff4e6", "#ffe3c4", "#ff9f68", "#5c3317"),
            new("#e8eaf6", "#c5cae9", "#5c6bc0", "#1a237e"),
        ],
        TagsZh = ["旅行攻略", "周末去哪儿", "小众旅行地", "citywalk", "说走就走"],
        TagsEn = ["traveltips", "weekendtrip", "slowtravel"],
        CityTagZh = "{city}旅行",
        ItemsZh = ["攻略", "民宿", "路线", "机票", "行李箱"],
        ItemsEn = ["itinerary", "guesthouse", "route"],
        TitlesZh =
        [
            "{city}{n}日游攻略", "{city}citywalk路线", "人均{price}玩转{city}", "{season}去{city}刚刚好", "第一次去{city}必看",
            "{city}小众拍照地", "一个人的{city}之旅", "{city}住宿避坑", "特种兵式游{city}", "慢游{city}的三天",
        ],
        TitlesEn = ["{n} days in {city}", "{city} on a budget", "{city} walking route", "Solo trip to {city}"],
        OpeningsZh =
        [
            "刚从{city}回来，趁记忆还新鲜赶紧整理一下。", "这次去{city}做了很多功课，路线整理好了直接抄！", "{season}的{city}真的太美了，随手拍都是大片。",
            "一个人出发也没有那么难，说说这次的感受。",
        ],
        PointsZh =
        [
            "住在地铁站附近，去哪里都方便", "热门景点一定要提前预约，当天很难约到", "早上八点前去人最少，拍照不用排队",
            "本地人推荐的小馆子比网红店好吃", "准备一双好走的鞋，每天两万步起步", "天气变化大，带一件薄外套",
            "公交卡可以直接用手机刷", "傍晚去江边散步，日落超级美", "旺季民宿要提前一个月订", "行程别排太满，留点时间发呆",
        ],
        ClosingsZh = ["详细路线图放在最后一张了", "还想知道什么评论区问我～", "下一站去哪里好呢？"],
        OpeningsEn = ["Just back from {city}, writing this while it's fresh.", "I did a lot of homework for {city}, so steal my route."],
        PointsEn =
        [
            "Stay near a metro station", "Book popular sights in advance", "Go before 8 am to beat the crowds",
            "Ask locals where they eat", "Bring comfortable shoes, you'll walk a lot", "Leave room in the plan to wander",
        ],
        ClosingsEn = ["Full route map on the last image.", "Where should I go next?"],
        CommentsZh = ["几月去最合适呀？", "收藏了，下个月就去", "拍得好美", "住哪里方便呀"],
        CommentsEn = ["Best month to visit?", "Saving for my trip!"],
        BoardsZh = ["想去的地方", "旅行攻略"],
        BoardsEn = ["Places to go"],
    };

    private static readonly TopicTheme Photography = new()
    {
        Slug = "photography",
        Zh = "摄影",
        En = "photography",
        Emojis = ["📷", "🎞️", "🌇", "🌿", "🌙", "🎨"],
        Palettes =
        [
            new("#e9ecef", "#dee2e6", "#495057", "#212529"),
            new("#fff0f3", "#ffd6e0", "#ff758f", "#590d22"),
            new("#e3f2fd", "#bbdefb", "#1e88e5", "#0d2a4a"),
        ],
        TagsZh = ["手机摄影", "胶片", "拍照姿势", "调色", "人像摄影"],
        TagsEn = ["phonephotography", "filmphotography", "colorgrading"],
        ItemsZh = ["构图", "调色", "胶片机", "手机", "滤镜", "人像"],
        ItemsEn = ["composition", "film camera", "phone", "preset"],
        TitlesZh =
        [
            "手机拍出大片的{n}个技巧", "{season}调色参数分享", "不会摆拍看这篇", "{price}元的胶片机体验", "{city}扫街记录",
            "一招拍出氛围感", "构图的{n}个小心机", "阴天也能拍好看", "我的手机修图流程",
        ],
        TitlesEn = ["{n} phone photo tips", "My editing steps", "Film in {city}", "Grey-day shooting"],
        OpeningsZh = ["不用专业相机，手机也能拍得很好看。", "很多人问我的调色，今天把参数都放出来。", "周末带着胶片机在{city}走了一天。"],
        PointsZh =
        [
            "打开九宫格，把主体放在交叉点上", "逆光拍人像，记得给脸补一点曝光", "阴天的光线很柔和，反而适合拍人像",
            "前景放一点树叶或花，画面更有层次", "调色时先调白平衡，再动色调", "蹲下来拍，腿会显得更长", "多拍几张连拍，总有一张自然的",
        ],
        ClosingsZh = ["参数在最后一张图里～", "有想学的拍法评论区告诉我"],
        OpeningsEn = ["You don't need a big camera for good photos.", "Lots of you asked about my edits, so here they are."],
        PointsEn = ["Turn on the grid and use the thirds", "Backlight plus a little exposure on the face", "Fix white balance first"],
        ClosingsEn = ["Settings are on the last image.", "What should I shoot next?"],
        CommentsZh = ["参数求分享", "这个光线太绝了", "学会了马上去试", "手机什么型号呀"],
        CommentsEn = ["What phone is this?", "The light is stunning"],
        BoardsZh = ["拍照灵感"],
        BoardsEn = ["Photo ideas"],
    };

    private static readonly TopicTheme Fitness = new()
    {
        Slug = "fitness",
        Zh = "健身",
        En = "fitness",
        Emojis = ["🏋️", "🧘", "🏃", "💪", "🥗", "🚴"],
        Palettes =
        [
            new("#e6fffa", "#b2f5ea", "#38b2ac", "#1d4044"),
            new("#fff5f5", "#fed7d7", "#f56565", "#4a1f1f"),
            new("#f0fff4", "#c6f6d5", "#48bb78", "#1c4532"),
        ],
        TagsZh = ["居家健身", "减脂", "跑步", "瑜伽", "帕梅拉"],
        TagsEn = ["homeworkout", "running", "yoga"],
        ItemsZh = ["瑜伽垫", "跳绳", "弹力带", "哑铃", "跑鞋"],
        ItemsEn = ["yoga mat", "jump rope", "dumbbells", "running shoes"],
        TitlesZh =
        [
            "坚持{n}周的变化", "{n}分钟居家燃脂", "跑步新手入门", "{who}碎片时间练起来", "瘦肚子真的有用的动作",
            "{price}元的{item}值不值", "体态改善打卡", "第一次跑完半马", "{season}减脂计划",
        ],
        TitlesEn = ["{n} weeks of training", "{n}-min home workout", "Couch to 5K diary", "Better posture"],
        OpeningsZh = ["坚持打卡第{n}周，来记录一下变化。", "没时间去健身房？在家也能练。", "从跑一公里都喘到完成半马，说说我的经验。"],
        PointsZh =
        [
            "热身五分钟，别省略", "动作标准比次数重要", "每周至少留一天休息", "蛋白质吃够，恢复更快", "跑步配速慢一点，能聊天的速度刚好",
            "拉伸放在训练后，每个动作保持30秒", "体重秤不是唯一标准，多看围度和照片", "睡够七小时，比多练一组更重要",
        ],
        ClosingsZh = ["一起打卡吧！", "有问题评论区见，我都会回", "量力而行，别受伤"],
        OpeningsEn = ["Week {n} check-in.", "No gym? No problem."],
        PointsEn = ["Warm up for five minutes", "Form beats reps", "Keep one rest day a week", "Run at a pace where you can talk"],
        ClosingsEn = ["Who's joining me?", "Listen to your body."],
        CommentsZh = ["一起打卡！", "太励志了", "膝盖不好能练吗", "求完整动作视频"],
        CommentsEn = ["So motivating!", "Joining you this week"],
        BoardsZh = ["健身计划"],
        BoardsEn = ["Workouts"],
    };
}
