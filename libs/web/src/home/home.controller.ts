import { Get, Render } from '@nestjs/common';
import { Public } from '@cohesion/auth';
import { WebController } from '../platform/web-controller.js';
import { WEB_POLICY } from '../web.policy.js';

/** The front door: what this is, a search box, and the ways in. */
@WebController()
export class HomeController {
  @Get()
  @Public(WEB_POLICY.readPublicPages)
  @Render('home/views/home.njk')
  home(): Record<string, unknown> {
    return {};
  }

  @Get('accessibility')
  @Public(WEB_POLICY.readPublicPages)
  @Render('home/views/accessibility.njk')
  accessibility(): Record<string, unknown> {
    return {};
  }
}
